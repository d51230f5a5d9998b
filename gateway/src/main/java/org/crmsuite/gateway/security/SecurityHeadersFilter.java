package org.crmsuite.gateway.security;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Puts the response security headers ({@code crm.gateway.response-headers}) on every response the gateway sends:
 * routed answers, its own problem+json errors, 401s, preflights, actuator. {@code always} headers replace whatever a
 * service sent (the policy is the gateway's: nosniff, no framing, no referrer, HSTS, a CSP that loads nothing);
 * {@code if-absent} headers are defaults a service may override on purpose (Cache-Control: no-store, unless a
 * service decides a response may be cached).
 */
@Component
class SecurityHeadersFilter implements WebFilter, Ordered {

    private final Settings settings;

    SecurityHeadersFilter(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            settings.always().forEach(headers::set);
            settings.ifAbsent().forEach((name, value) -> {
                if (!headers.containsHeader(name)) {
                    headers.set(name, value);
                }
            });
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    /** Registered first, on the response every later filter, handler and error handler ends up writing. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    /**
     * @param always   header → value, set on every response, replacing a service's value
     * @param ifAbsent header → value, set when the response has no such header
     */
    @ConfigurationProperties("crm.gateway.response-headers")
    record Settings(Map<String, String> always, Map<String, String> ifAbsent) {

        Settings {
            always = always == null ? Map.of() : Map.copyOf(always);
            ifAbsent = ifAbsent == null ? Map.of() : Map.copyOf(ifAbsent);
        }
    }
}
