package org.crmsuite.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * How much one caller may ask of one route ({@code crm.gateway.rate-limit.*}): a token bucket that holds
 * {@code burstCapacity} tokens, refills {@code replenishRate} per second, and a request takes {@code requestedTokens}.
 *
 * @param store  {@code memory} (each gateway instance counts alone) or {@code redis} (all instances share the count)
 * @param maxKeys how many callers the in-memory store keeps at most (idle callers are forgotten first)
 */
@ConfigurationProperties("crm.gateway.rate-limit")
record RateLimitSettings(Store store, int replenishRate, int burstCapacity, int requestedTokens, int maxKeys) {

    enum Store { MEMORY, REDIS }

    RateLimitSettings {
        Assert.notNull(store, "crm.gateway.rate-limit.store must be memory or redis");
        Assert.isTrue(replenishRate >= 1, "crm.gateway.rate-limit.replenish-rate must be at least 1 per second");
        Assert.isTrue(burstCapacity >= replenishRate, "crm.gateway.rate-limit.burst-capacity must be at least the replenish rate");
        Assert.isTrue(requestedTokens >= 1 && requestedTokens <= burstCapacity,
                "crm.gateway.rate-limit.requested-tokens must be between 1 and the burst capacity");
        Assert.isTrue(maxKeys >= 1, "crm.gateway.rate-limit.max-keys must be positive");
    }

    /** Whole seconds until {@code missing} tokens have refilled; at least 1, as Retry-After counts in seconds. */
    long secondsToRefill(double missing) {
        return Math.max(1, (long) Math.ceil(missing / replenishRate));
    }
}
