package org.crmsuite.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

/** The gateway checks a token's signature once and then remembers it — never past its expiry, never a failure. */
class VerifiedTokensTest {

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T01:00:00Z"));
    final Clock clock = new Clock() {
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now.get(); }
    };
    final AtomicInteger checks = new AtomicInteger();

    ReactiveJwtDecoder checking(Instant expiresAt) {
        return token -> {
            checks.incrementAndGet();
            if (token.startsWith("bad")) {
                return Mono.error(new BadJwtException("signature does not match"));
            }
            return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("demo-agent-1")
                    .issuedAt(expiresAt.minus(Duration.ofMinutes(15))).expiresAt(expiresAt).build());
        };
    }

    @Test
    void aTokenSeenAgainIsNotVerifiedAgainUntilMaxAge() {
        VerifiedTokens tokens = new VerifiedTokens(checking(now.get().plus(Duration.ofMinutes(15))), clock,
                Duration.ofSeconds(60), 100);

        assertThat(tokens.decode("t1").block().getSubject()).isEqualTo("demo-agent-1");
        assertThat(tokens.decode("t1").block().getSubject()).isEqualTo("demo-agent-1");
        assertThat(checks.get()).isEqualTo(1);

        now.updateAndGet(t -> t.plusSeconds(61));
        tokens.decode("t1").block();
        assertThat(checks.get()).as("checked again after max-age").isEqualTo(2);
    }

    @Test
    void aTokenIsNeverAcceptedFromMemoryPastItsOwnExpiry() {
        VerifiedTokens tokens = new VerifiedTokens(checking(now.get().plusSeconds(10)), clock, Duration.ofSeconds(60), 100);
        tokens.decode("t2").block();

        now.updateAndGet(t -> t.plusSeconds(11));
        tokens.decode("t2").block();
        assertThat(checks.get()).as("expired in memory: the full checks run (and would refuse it)").isEqualTo(2);
    }

    @Test
    void aRefusedTokenIsCheckedEveryTime() {
        VerifiedTokens tokens = new VerifiedTokens(checking(now.get().plusSeconds(600)), clock, Duration.ofSeconds(60), 100);

        assertThatThrownBy(() -> tokens.decode("bad-1").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("bad-1").block()).isInstanceOf(BadJwtException.class);
        assertThat(checks.get()).isEqualTo(2);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void memoryStaysBounded() {
        VerifiedTokens tokens = new VerifiedTokens(checking(now.get().plusSeconds(600)), clock, Duration.ofSeconds(60), 3);
        for (int i = 0; i < 10; i++) {
            tokens.decode("t-" + i).block();
        }
        assertThat(tokens.size()).isLessThanOrEqualTo(3);
    }
}
