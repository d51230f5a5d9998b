package org.crmsuite.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

/**
 * Remembers tokens that passed every check, for at most {@code maxAge} and never past their own {@code exp}, so that
 * a client sending the same token again (every request of its 15 minutes) costs a map look-up instead of an RSA
 * signature verification — the gateway's largest CPU cost per request (docs/benchmarks.md, "the whole suite").
 * Only successes are remembered; a token that failed is checked again each time. Bounded: past {@code maxEntries}
 * the expired entries go, and if that is not enough, all of them.
 * <p>
 * Trade-off: after identity drops a signing key (a compromise), a token it signed stays accepted here for at most
 * {@code maxAge}; every service checks the token again on its own.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    private record Entry(Jwt jwt, Instant until) {
    }

    private final ReactiveJwtDecoder checks;
    private final Clock clock;
    private final Duration maxAge;
    private final int maxEntries;
    private final ConcurrentHashMap<String, Entry> verified = new ConcurrentHashMap<>();

    VerifiedTokens(ReactiveJwtDecoder checks, Clock clock, Duration maxAge, int maxEntries) {
        this.checks = checks;
        this.clock = clock;
        this.maxAge = maxAge;
        this.maxEntries = maxEntries;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Instant now = clock.instant();
        Entry known = verified.get(token);
        if (known != null) {
            if (now.isBefore(known.until())) {
                return Mono.just(known.jwt());
            }
            verified.remove(token, known);
        }
        return checks.decode(token).doOnNext(jwt -> remember(token, jwt, now));
    }

    private void remember(String token, Jwt jwt, Instant now) {
        Instant until = now.plus(maxAge);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
            until = jwt.getExpiresAt();
        }
        if (!now.isBefore(until)) {
            return;
        }
        if (verified.size() >= maxEntries) {
            verified.entrySet().removeIf(entry -> !now.isBefore(entry.getValue().until()));
            if (verified.size() >= maxEntries) {
                verified.clear();
            }
        }
        verified.put(token, new Entry(jwt, until));
    }

    int size() {
        return verified.size();
    }
}
