package org.crmsuite.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.crmsuite.gateway.ratelimit.RateLimitSettings.Store;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter.Response;

/** The in-memory token bucket: budget, refill, Retry-After, separate callers, bounded memory, no double spending. */
class InMemoryRateLimiterTest {

    private final MutableClock clock = new MutableClock();

    private static RateLimitSettings limits(int rate, int burst, int maxKeys) {
        return new RateLimitSettings(Store.MEMORY, rate, burst, 1, maxKeys);
    }

    @Test
    void aCallerSpendsTheBurstThenWaitsForTheRefill() {
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(limits(2, 4, 100), clock);

        for (int i = 0; i < 4; i++) {
            assertThat(limiter.take("route.sub:a").isAllowed()).isTrue();
        }
        Response refused = limiter.take("route.sub:a");

        assertThat(refused.isAllowed()).isFalse();
        assertThat(refused.getHeaders()).containsEntry("Retry-After", "1").containsEntry("X-RateLimit-Remaining", "0")
                .containsEntry("X-RateLimit-Burst-Capacity", "4").containsEntry("X-RateLimit-Replenish-Rate", "2");

        clock.advance(Duration.ofMillis(500));
        assertThat(limiter.take("route.sub:a").isAllowed()).as("one token back after half a second at 2/s").isTrue();
        assertThat(limiter.take("route.sub:a").isAllowed()).isFalse();
    }

    @Test
    void retryAfterIsTheWholeSecondsUntilEnoughTokensAreBack() {
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(new RateLimitSettings(Store.MEMORY, 1, 10, 5, 100), clock);

        assertThat(limiter.take("r.sub:a").isAllowed()).isTrue();
        assertThat(limiter.take("r.sub:a").isAllowed()).isTrue();
        Response refused = limiter.take("r.sub:a");

        assertThat(refused.isAllowed()).isFalse();
        assertThat(refused.getHeaders()).containsEntry("Retry-After", "5");
    }

    @Test
    void aBucketNeverHoldsMoreThanTheBurst() {
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(limits(1, 3, 100), clock);
        limiter.take("r.sub:a");

        clock.advance(Duration.ofHours(1));

        assertThat(limiter.take("r.sub:a").getHeaders()).containsEntry("X-RateLimit-Remaining", "2");
    }

    @Test
    void callersAndRoutesHaveTheirOwnBuckets() {
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(limits(1, 1, 100), clock);

        assertThat(limiter.take("customers.sub:a").isAllowed()).isTrue();
        assertThat(limiter.take("customers.sub:a").isAllowed()).isFalse();
        assertThat(limiter.take("customers.sub:b").isAllowed()).isTrue();
        assertThat(limiter.take("complaints.sub:a").isAllowed()).isTrue();
    }

    @Test
    void idleCallersWhoseBucketIsFullAgainAreForgotten() {
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(limits(10, 20, 10_000), clock);
        for (int i = 0; i < 500; i++) {
            limiter.take("r.sub:caller-" + i);
        }
        assertThat(limiter.trackedCallers()).isEqualTo(500);

        clock.advance(Duration.ofSeconds(3));
        limiter.take("r.sub:newcomer");

        assertThat(limiter.trackedCallers()).isEqualTo(1);
    }

    @Test
    void aBusyCallerIsNotForgottenWhileTheirBucketRefills() {
        // an emptied bucket of 5 at 1/s is full after 5 s, which is also when the idle ones are looked for
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(limits(1, 5, 10_000), clock);
        for (int i = 0; i < 5; i++) {
            limiter.take("r.sub:busy");
        }
        clock.advance(Duration.ofSeconds(4));
        limiter.take("r.sub:busy");

        clock.advance(Duration.ofSeconds(1));
        limiter.take("r.sub:other");

        assertThat(limiter.trackedCallers()).as("busy still has only 4 of 5 tokens: remembered").isEqualTo(2);
        assertThat(limiter.take("r.sub:busy").getHeaders()).containsEntry("X-RateLimit-Remaining", "3");
    }

    @Test
    void memoryStaysBoundedUnderAFloodOfDistinctCallers() {
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(limits(1, 100, 50), clock);

        for (int i = 0; i < 1_000; i++) {
            limiter.take("r.ip:10.0." + (i / 250) + "." + (i % 250));
            clock.advance(Duration.ofMillis(1));
            assertThat(limiter.trackedCallers()).isLessThanOrEqualTo(50);
        }
    }

    @Test
    void concurrentRequestsNeverSpendMoreThanTheBudget() throws Exception {
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(limits(1, 100, 10_000), clock);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> workers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                workers.add(() -> {
                    int allowed = 0;
                    for (int i = 0; i < 500; i++) {
                        if (limiter.take("r.sub:shared").isAllowed()) {
                            allowed++;
                        }
                    }
                    return allowed;
                });
            }
            int allowed = 0;
            for (Future<Integer> result : pool.invokeAll(workers)) {
                allowed += result.get();
            }

            assertThat(allowed).as("the clock stands still: exactly the burst").isEqualTo(100);
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {

        private volatile Instant now = Instant.parse("2026-11-23T01:30:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
