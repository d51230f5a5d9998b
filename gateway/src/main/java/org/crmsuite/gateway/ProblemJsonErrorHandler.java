package org.crmsuite.gateway;

import java.net.ConnectException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Every error the gateway itself produces is RFC 9457 problem+json: no live instance → 503, a service too slow →
 * 504, an instance that refuses connections → 503, identity's signing keys unreachable → 503, a streamed body past the
 * limit → 413. Never an HTML page, never a stack trace. Security's own 401/403 do not come here: they are answered by
 * {@code security.AuthenticationProblems}; empty error answers of filters by {@link EmptyErrorProblemFilter}.
 */
@Component
@Order(-2)
class ProblemJsonErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemJsonErrorHandler.class);

    private final Problems problems;

    ProblemJsonErrorHandler(Problems problems) {
        this.problems = problems;
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
        if (problem.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
        }
        return problems.write(exchange, problem.status(), problem.code(), problem.detail());
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
            if (code == HttpStatus.CONTENT_TOO_LARGE) {
                return new Problem(code, RequestBodyLimitFilter.CODE, status.getReason() == null
                        ? "The request body is larger than the gateway accepts" : status.getReason());
            }
            return new Problem(code, "http." + code.value(), status.getReason() == null ? code.getReasonPhrase() : status.getReason());
        }
        if (ex instanceof org.springframework.cloud.gateway.support.TimeoutException
                || ex instanceof java.util.concurrent.TimeoutException) {
            return new Problem(HttpStatus.GATEWAY_TIMEOUT, "gateway.timeout", "The service did not answer in time");
        }
        if (ex instanceof AuthenticationServiceException) {
            // the token could not be checked at all (identity's keys unreachable): not the caller's fault, not a 401
            return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "auth.unavailable",
                    "The access token cannot be checked right now; try again shortly");
        }
        if (isConnectFailure(ex)) {
            return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "gateway.service-unavailable",
                    "The service instance could not be reached; try again shortly");
        }
        if (isUpstreamFailure(ex)) {
            // the instance went away mid-request (connection reset, killed): the service's failure, not the gateway's
            return new Problem(HttpStatus.BAD_GATEWAY, "gateway.upstream-failed",
                    "The service's connection failed while answering; a read may be retried, a write's outcome is unknown");
        }
        return new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal.error", "An unexpected error occurred in the gateway");
    }

    private static boolean isUpstreamFailure(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.io.IOException || t.getClass().getName().equals("reactor.netty.channel.AbortedException")) {
                return true;
            }
        }
        return false;
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
