package org.crmsuite.gateway.ratelimit;

import java.net.InetSocketAddress;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Whose budget a request spends: the token's {@code sub} (a member of staff, a partner or a service, wherever and
 * on however many devices they call from); for anything that reaches a route without a token, the client's address.
 * The address is the connection's, not {@code X-Forwarded-For}, which a client can write.
 */
final class CallerKeyResolver implements KeyResolver {

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> "sub:" + ((JwtAuthenticationToken) principal).getToken().getSubject())
                .switchIfEmpty(Mono.fromSupplier(() -> "ip:" + address(exchange.getRequest().getRemoteAddress())));
    }

    private static String address(InetSocketAddress remote) {
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
