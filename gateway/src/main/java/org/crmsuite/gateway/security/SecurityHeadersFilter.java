package org.crmsuite.gateway.security;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import reactor.core.publisher.Mono;

/**
 * Puts the response security headers ({@code crm.gateway.response-headers}) on every response the gateway sends:
 * routed answers, its own problem+json errors, 401s, preflights, actuator. {@code always} headers replace whatever a
 * service sent (the policy is the gateway's: nosniff, no framing, no referrer, HSTS, a CSP that loads nothing);
 * {@code if-absent} headers are defaults a service may override on purpose (Cache-Control: no-store, unless a
 * service decides a response may be cached).
 * <p>
 * {@code kept-from-service} names paths whose service serves pages and writes some of these headers itself (the
 * console's Content-Security-Policy lets its own scripts and styles load; the API's "load nothing" policy would leave
 * its pages bare). There the service's value is kept, and the {@code always} value is only the default for an answer
 * that carries none (the gateway's own errors, a service that forgot), so nothing goes out without a policy.
 */
@Component
class SecurityHeadersFilter implements WebFilter, Ordered {

    private final Settings settings;
    private final List<Kept> kept;

    SecurityHeadersFilter(Settings settings) {
        this.settings = settings;
        this.kept = settings.keptFromService().stream().map(Kept::of).toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            settings.always().forEach((name, value) -> {
                if (!(headers.containsHeader(name) && keptFromService(path, name))) {
                    headers.set(name, value);
                }
            });
            settings.ifAbsent().forEach((name, value) -> {
                if (!headers.containsHeader(name)) {
                    headers.set(name, value);
                }
            });
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private boolean keptFromService(PathContainer path, String header) {
        return kept.stream().anyMatch(entry -> entry.covers(path, header));
    }

    /** Registered first, on the response every later filter, handler and error handler ends up writing. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    private record Kept(List<PathPattern> paths, List<String> headers) {

        static Kept of(KeptFromService setting) {
            return new Kept(setting.paths().stream().map(PathPatternParser.defaultInstance::parse).toList(),
                    setting.headers());
        }

        boolean covers(PathContainer path, String header) {
            return headers.stream().anyMatch(header::equalsIgnoreCase) && paths.stream().anyMatch(p -> p.matches(path));
        }
    }

    /**
     * @param paths   path patterns (as in a route's {@code Path} predicate) of pages a service serves
     * @param headers names of {@code always} headers whose value that service sets itself, case-insensitive
     */
    record KeptFromService(List<String> paths, List<String> headers) {

        KeptFromService {
            paths = paths == null ? List.of() : List.copyOf(paths);
            headers = headers == null ? List.of() : List.copyOf(headers);
        }
    }

    /**
     * @param always          header → value, set on every response, replacing a service's value
     * @param ifAbsent        header → value, set when the response has no such header
     * @param keptFromService where a service's own value of an {@code always} header is kept
     */
    @ConfigurationProperties("crm.gateway.response-headers")
    record Settings(Map<String, String> always, Map<String, String> ifAbsent, List<KeptFromService> keptFromService) {

        Settings {
            always = always == null ? Map.of() : Map.copyOf(always);
            ifAbsent = ifAbsent == null ? Map.of() : Map.copyOf(ifAbsent);
            keptFromService = keptFromService == null ? List.of() : List.copyOf(keptFromService);
        }
    }
}
