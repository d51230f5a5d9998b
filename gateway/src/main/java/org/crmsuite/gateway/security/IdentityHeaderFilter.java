package org.crmsuite.gateway.security;

import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Drops every incoming header a client could use to claim an identity ({@code X-User-Id}, {@code X-Roles},
 * {@code X-Auth-*}, …; the list is {@code crm.gateway.strip-identity-headers}) before anything else reads the
 * request. The caller is the validated JWT and nothing else (ARCHITECTURE.md, "Caller identity"); a service or a
 * proxy that one day trusts such a header must never receive one a client wrote.
 */
@Component
class IdentityHeaderFilter implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(IdentityHeaderFilter.class);

    private final List<String> exactNames;
    private final List<String> prefixes;

    IdentityHeaderFilter(Settings settings) {
        this.exactNames = settings.stripIdentityHeaders().stream().filter(name -> !name.endsWith("*"))
                .map(IdentityHeaderFilter::lower).toList();
        this.prefixes = settings.stripIdentityHeaders().stream().filter(name -> name.endsWith("*"))
                .map(name -> lower(name.substring(0, name.length() - 1))).toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<String> forged = exchange.getRequest().getHeaders().headerNames().stream().filter(this::isIdentityHeader).toList();
        if (forged.isEmpty()) {
            return chain.filter(exchange);
        }
        log.debug("dropped identity headers {} from {} {}", forged, exchange.getRequest().getMethod(),
                exchange.getRequest().getPath());
        return chain.filter(exchange.mutate().request(request -> request.headers(headers -> forged.forEach(headers::remove))).build());
    }

    boolean isIdentityHeader(String name) {
        String lower = lower(name);
        return exactNames.contains(lower) || prefixes.stream().anyMatch(lower::startsWith);
    }

    private static String lower(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    /** Before the security chain and every other filter: nothing in the gateway ever sees them either. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }

    /** @param stripIdentityHeaders header names, case-insensitive; a trailing {@code *} matches any suffix */
    @ConfigurationProperties("crm.gateway")
    record Settings(List<String> stripIdentityHeaders) {

        Settings {
            stripIdentityHeaders = stripIdentityHeaders == null ? List.of() : List.copyOf(stripIdentityHeaders);
        }
    }
}
