package org.crmsuite.gateway.ratelimit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.http.HttpHeaders;

import reactor.core.publisher.Mono;

/**
 * The default store of SCG's {@code RequestRateLimiter}: one token bucket per route and caller, in this instance's
 * memory, with the same semantics and headers as SCG's {@code RedisRateLimiter} so that switching stores changes
 * where the count lives, not what a client sees. Each gateway instance counts alone: with n instances behind a load
 * balancer a caller gets up to n times the rate ({@code crm.gateway.rate-limit.store=redis} shares the count).
 * <p>
 * Memory stays bounded: a bucket idle long enough to be full again is the same as no bucket, so those are forgotten
 * (every refill period); past {@code max-keys} callers the least recently seen are forgotten too, which at worst
 * gives a quiet caller a fresh bucket.
 */
final class InMemoryRateLimiter implements RateLimiter<RateLimitSettings> {

    private final RateLimitSettings limits;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final long sweepEveryMillis;
    private final AtomicLong nextSweepAt;
    private final ReentrantLock trimming = new ReentrantLock();

    InMemoryRateLimiter(RateLimitSettings limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        // an emptied bucket is full again after burst / rate seconds
        this.sweepEveryMillis = Math.max(1_000L, 1_000L * limits.burstCapacity() / limits.replenishRate());
        this.nextSweepAt = new AtomicLong(clock.millis() + sweepEveryMillis);
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        return Mono.fromSupplier(() -> take(routeId + "." + id));
    }

    Response take(String key) {
        long now = clock.millis();
        long due = nextSweepAt.get();
        if (now >= due && nextSweepAt.compareAndSet(due, now + sweepEveryMillis)) {
            forgetFullBuckets(now);
        }
        Decision decision;
        Bucket bucket;
        do {
            bucket = buckets.computeIfAbsent(key, k -> new Bucket(limits.burstCapacity(), now));
            decision = bucket.take(now, limits);
            if (decision == null) {
                // forgotten by a sweep between the lookup and the take: start again on a fresh bucket
                buckets.remove(key, bucket);
            }
        } while (decision == null);
        if (buckets.size() > limits.maxKeys()) {
            trim(now);
        }
        return response(decision);
    }

    int trackedCallers() {
        return buckets.size();
    }

    private void forgetFullBuckets(long now) {
        buckets.forEach((key, bucket) -> {
            if (bucket.retireIfFull(now, limits)) {
                buckets.remove(key, bucket);
            }
        });
    }

    /** Over the cap: forget the full ones, then the least recently seen until 90 % of the cap is left. */
    private void trim(long now) {
        if (!trimming.tryLock()) {
            return;
        }
        try {
            forgetFullBuckets(now);
            int target = Math.max(1, limits.maxKeys() - limits.maxKeys() / 10);
            if (buckets.size() <= target) {
                return;
            }
            List<Map.Entry<String, Bucket>> oldestFirst = new ArrayList<>(buckets.entrySet());
            oldestFirst.sort(Comparator.comparingLong(entry -> entry.getValue().lastUsed()));
            for (Map.Entry<String, Bucket> entry : oldestFirst) {
                if (buckets.size() <= target) {
                    break;
                }
                entry.getValue().retire();
                buckets.remove(entry.getKey(), entry.getValue());
            }
        } finally {
            trimming.unlock();
        }
    }

    private Response response(Decision decision) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(RedisRateLimiter.REMAINING_HEADER, String.valueOf(decision.remaining()));
        headers.put(RedisRateLimiter.REPLENISH_RATE_HEADER, String.valueOf(limits.replenishRate()));
        headers.put(RedisRateLimiter.BURST_CAPACITY_HEADER, String.valueOf(limits.burstCapacity()));
        headers.put(RedisRateLimiter.REQUESTED_TOKENS_HEADER, String.valueOf(limits.requestedTokens()));
        if (!decision.allowed()) {
            headers.put(HttpHeaders.RETRY_AFTER, String.valueOf(decision.retryAfterSeconds()));
        }
        return new Response(decision.allowed(), headers);
    }

    @Override
    public Map<String, RateLimitSettings> getConfig() {
        return Map.of();
    }

    @Override
    public Class<RateLimitSettings> getConfigClass() {
        return RateLimitSettings.class;
    }

    @Override
    public RateLimitSettings newConfig() {
        return limits;
    }

    record Decision(boolean allowed, long remaining, long retryAfterSeconds) {
    }

    /** One caller's tokens; every read and write under its own lock, so callers never wait for each other. */
    static final class Bucket {

        private double tokens;
        private long refilledAt;
        private boolean retired;
        private volatile long lastUsed;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
            this.lastUsed = now;
        }

        /** {@code null} when this bucket has been forgotten and must not count anything any more. */
        synchronized Decision take(long now, RateLimitSettings limits) {
            if (retired) {
                return null;
            }
            refill(now, limits);
            lastUsed = now;
            if (tokens >= limits.requestedTokens()) {
                tokens -= limits.requestedTokens();
                return new Decision(true, (long) Math.floor(tokens), 0);
            }
            return new Decision(false, (long) Math.floor(tokens), limits.secondsToRefill(limits.requestedTokens() - tokens));
        }

        synchronized boolean retireIfFull(long now, RateLimitSettings limits) {
            refill(now, limits);
            if (tokens >= limits.burstCapacity()) {
                retired = true;
            }
            return retired;
        }

        synchronized void retire() {
            retired = true;
        }

        long lastUsed() {
            return lastUsed;
        }

        private void refill(long now, RateLimitSettings limits) {
            if (now > refilledAt) {
                tokens = Math.min(limits.burstCapacity(), tokens + (now - refilledAt) * limits.replenishRate() / 1000.0);
                refilledAt = now;
            }
        }
    }
}
