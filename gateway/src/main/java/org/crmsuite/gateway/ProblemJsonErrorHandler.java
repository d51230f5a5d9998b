package org.crmsuite.gateway;

import java.net.ConnectException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error the gateway itself produces is RFC 9457 problem+json: no live instance → 503, a service too slow →
 * 504, an instance that refuses connections → 503. Never an HTML page, never a stack trace.
 */
@Component
@Order(-2)
class ProblemJsonErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemJsonErrorHandler.class);

    private final JsonMapper json;

    ProblemJsonErrorHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(ex);
        }
        Problem problem = classify(ex);
        if (problem.status().is5xxServerError()) {
            log.warn("{} {} → {} {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                    problem.status().value(), problem.code(), ex.toString());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:crm:problem:" + problem.code());
        body.put("title", problem.status().getReasonPhrase());
        body.put("status", problem.status().value());
        body.put("detail", problem.detail());
        body.put("instance", exchange.getRequest().getPath().value());
        body.put("code", problem.code());
        String requestId = exchange.getRequest().getHeaders().getFirst(RequestIdFilter.HEADER);
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        response.setStatusCode(problem.status());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
        }
        byte[] bytes = json.writeValueAsBytes(body);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    static Problem classify(Throwable ex) {
        if (ex instanceof NotFoundException) {
            return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "gateway.service-unavailable",
                    "No instance of the service that owns this path is available; try again shortly");
        }
        if (ex instanceof ResponseStatusException status) {
            HttpStatus code = HttpStatus.resolve(status.getStatusCode().value());
            if (code == HttpStatus.GATEWAY_TIMEOUT) {
                return new Problem(code, "gateway.timeout", "The service did not answer in time");
            }
            if (code == null) {
                code = HttpStatus.INTERNAL_SERVER_ERROR;
            }
            if (code == HttpStatus.NOT_FOUND) {
                return new Problem(code, "http.404", "No route or resource for this path");
            }
            return new Problem(code, "http." + code.value(), status.getReason() == null ? code.getReasonPhrase() : status.getReason());
        }
        if (ex instanceof org.springframework.cloud.gateway.support.TimeoutException
                || ex instanceof java.util.concurrent.TimeoutException) {
            return new Problem(HttpStatus.GATEWAY_TIMEOUT, "gateway.timeout", "The service did not answer in time");
        }
        if (isConnectFailure(ex)) {
            return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "gateway.service-unavailable",
                    "The service instance could not be reached; try again shortly");
        }
        return new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal.error", "An unexpected error occurred in the gateway");
    }

    private static boolean isConnectFailure(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof io.netty.channel.ConnectTimeoutException
                    || t.getClass().getName().contains("PrematureCloseException")) {
                return true;
            }
        }
        return false;
    }

    record Problem(HttpStatus status, String code, String detail) {
    }
}
