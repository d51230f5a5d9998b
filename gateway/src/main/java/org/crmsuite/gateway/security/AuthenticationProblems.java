package org.crmsuite.gateway.security;

import org.crmsuite.gateway.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Security's own refusals as problem+json with an RFC 6750 {@code WWW-Authenticate} challenge, never a login page or
 * a redirect: no token → 401 {@code auth.unauthenticated}; a token that fails any check (signature, algorithm,
 * issuer, audience, expiry) → 401 {@code auth.invalid-token}; a malformed request (two tokens) → 400
 * {@code auth.invalid-request}; authenticated but not allowed → 403 {@code auth.forbidden}. The body names no failed
 * check: a client reacts the same way to all of them (sign in again), and a forger learns nothing.
 */
final class AuthenticationProblems implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    static final String UNAUTHENTICATED = "auth.unauthenticated";
    static final String INVALID_TOKEN = "auth.invalid-token";
    static final String INVALID_REQUEST = "auth.invalid-request";
    static final String FORBIDDEN = "auth.forbidden";

    private final Problems problems;

    AuthenticationProblems(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        return Mono.defer(() -> {
            if (failure instanceof OAuth2AuthenticationException oauth && oauth.getError() instanceof BearerTokenError error) {
                if (BearerTokenErrorCodes.INVALID_REQUEST.equals(error.getErrorCode())) {
                    return refuse(exchange, HttpStatus.BAD_REQUEST, INVALID_REQUEST,
                            "Bearer error=\"invalid_request\"", "Send exactly one bearer token, in the Authorization header");
                }
                return refuse(exchange, HttpStatus.UNAUTHORIZED, INVALID_TOKEN,
                        "Bearer error=\"invalid_token\", error_description=\"The access token is invalid or expired\"",
                        "The access token is invalid or expired; sign in again");
            }
            return refuse(exchange, HttpStatus.UNAUTHORIZED, UNAUTHENTICATED, "Bearer",
                    "This API needs an access token: send it as 'Authorization: Bearer <token>'");
        });
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return Mono.defer(() -> refuse(exchange, HttpStatus.FORBIDDEN, FORBIDDEN, "Bearer error=\"insufficient_scope\"",
                "The access token does not allow this request"));
    }

    private Mono<Void> refuse(ServerWebExchange exchange, HttpStatus status, String code, String challenge, String detail) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        return problems.write(exchange, status, code, detail);
    }
}
