package org.crmsuite.gateway;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Filters of the framework end some exchanges with an error status and no body: SCG's {@code RequestRateLimiter}
 * (429), a CORS rejection (403). Those become problem+json like every other gateway error. Only answers the gateway
 * itself completes are touched: a service's response is written, never "completed empty", and passes unchanged.
 */
@Component
class EmptyErrorProblemFilter implements WebFilter, Ordered {

    static final String RATE_LIMITED = "gateway.rate-limited";
    static final String CORS_REJECTED = "cors.rejected";

    private final Problems problems;

    EmptyErrorProblemFilter(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpResponse original = exchange.getResponse();
        ServerHttpResponse completingWithProblem = new ServerHttpResponseDecorator(original) {
            @Override
            public Mono<Void> setComplete() {
                return isEmptyError(original) ? writeProblem(exchange, original) : super.setComplete();
            }
        };
        // a filter may also just stop the chain after setting a status (CorsWebFilter does)
        return chain.filter(exchange.mutate().response(completingWithProblem).build())
                .then(Mono.defer(() -> isEmptyError(original) ? writeProblem(exchange, original) : Mono.empty()));
    }

    private static boolean isEmptyError(ServerHttpResponse response) {
        HttpStatusCode status = response.getStatusCode();
        return !response.isCommitted() && status != null && status.isError();
    }

    private Mono<Void> writeProblem(ServerWebExchange exchange, ServerHttpResponse response) {
        HttpStatusCode status = response.getStatusCode();
        if (status.value() == HttpStatus.TOO_MANY_REQUESTS.value()) {
            return problems.write(exchange, response, status, RATE_LIMITED,
                    "Too many requests from this caller; try again after the seconds in Retry-After");
        }
        if (status.value() == HttpStatus.FORBIDDEN.value() && CorsUtils.isCorsRequest(exchange.getRequest())
                && !response.getHeaders().containsHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)) {
            return problems.write(exchange, response, status, CORS_REJECTED,
                    "This origin, method or header is not allowed to call the API from a browser");
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return problems.write(exchange, response, status, "http." + status.value(),
                known == null ? "HTTP " + status.value() : known.getReasonPhrase());
    }

    /** Right after the request id and the security headers, outside everything that may end an exchange early. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
