package org.crmsuite.gateway;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the gateway's own answers in the suite's one error shape, RFC 9457 {@code application/problem+json} with a
 * stable {@code code} (ARCHITECTURE.md, "HTTP conventions"): the error handler, the authentication entry point, the
 * body limit and the rate limiter all answer through here, so a client parses every gateway error the same way.
 */
@Component
public final class Problems {

    private final JsonMapper json;

    Problems(JsonMapper json) {
        this.json = json;
    }

    /** Sets status and content type and writes the body; headers such as Retry-After are the caller's to add. */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String code, String detail) {
        return write(exchange, exchange.getResponse(), status, code, detail);
    }

    /** The same, onto a given response (a decorator's delegate, which the exchange does not expose). */
    public Mono<Void> write(ServerWebExchange exchange, ServerHttpResponse response, HttpStatusCode status, String code,
            String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:crm:problem:" + code);
        body.put("title", title(status));
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", exchange.getRequest().getPath().value());
        body.put("code", code);
        String requestId = exchange.getRequest().getHeaders().getFirst(RequestIdFilter.HEADER);
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] bytes = json.writeValueAsBytes(body);
        response.getHeaders().setContentLength(bytes.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    private static String title(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "HTTP " + status.value() : known.getReasonPhrase();
    }
}
