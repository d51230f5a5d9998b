package org.crmsuite.gateway;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses a request body larger than {@code crm.gateway.request-body.max-size} with 413 problem+json
 * ({@code request.too-large}). A declared {@code Content-Length} over the limit is refused before a byte is read or
 * routed. SCG's {@code RequestSize} filter stops there, so a chunked body (no length) would pass whole: here it is
 * counted as it streams and the exchange fails with 413 as soon as it passes the limit, without buffering it.
 * Runs after authentication: a caller without a valid token learns nothing about the limits.
 */
@Component
class RequestBodyLimitFilter implements WebFilter, Ordered {

    static final String CODE = "request.too-large";
    /** After Spring Security's chain (-100), before the gateway's handler. */
    static final int ORDER = -50;

    private final long maxBytes;
    private final Problems problems;

    RequestBodyLimitFilter(@Value("${crm.gateway.request-body.max-size}") DataSize maxSize, Problems problems) {
        if (maxSize.toBytes() <= 0) {
            throw new IllegalArgumentException("crm.gateway.request-body.max-size must be positive, was " + maxSize);
        }
        this.maxBytes = maxSize.toBytes();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBytes) {
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, CODE, tooLarge());
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(new CountingRequest(request, maxBytes, tooLarge())).build());
    }

    private String tooLarge() {
        return "The request body is larger than the " + readable(maxBytes) + " the API accepts";
    }

    static String readable(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    /** A body without a declared length, cut off with 413 at the first buffer past the limit. */
    private static final class CountingRequest extends ServerHttpRequestDecorator {

        private final long maxBytes;
        private final String detail;

        CountingRequest(ServerHttpRequest delegate, long maxBytes, String detail) {
            super(delegate);
            this.maxBytes = maxBytes;
            this.detail = detail;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return Flux.defer(() -> {
                AtomicLong seen = new AtomicLong();
                return super.getBody().map(buffer -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        DataBufferUtils.release(buffer);
                        throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, detail);
                    }
                    return buffer;
                });
            });
        }
    }
}
