package org.crmsuite.gateway.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.http.HttpHeaders;

import reactor.core.publisher.Mono;

/**
 * SCG's {@code RedisRateLimiter} (the token bucket in a Redis Lua script, shared by every gateway instance) with the
 * limits of {@code crm.gateway.rate-limit.*}, adding the {@code Retry-After} a refusal needs and SCG does not send.
 * When Redis cannot be reached SCG lets the request through (and logs it): the limit is protection, not a
 * dependency that can take the API down.
 */
final class RedisCallerRateLimiter extends RedisRateLimiter {

    private final RateLimitSettings limits;

    RedisCallerRateLimiter(RateLimitSettings limits) {
        super(limits.replenishRate(), limits.burstCapacity(), limits.requestedTokens());
        this.limits = limits;
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        return super.isAllowed(routeId, id).map(response -> response.isAllowed() ? response : withRetryAfter(response));
    }

    private Response withRetryAfter(Response refused) {
        Map<String, String> headers = new LinkedHashMap<>(refused.getHeaders());
        long remaining = parse(headers.get(REMAINING_HEADER));
        headers.put(HttpHeaders.RETRY_AFTER,
                String.valueOf(limits.secondsToRefill(limits.requestedTokens() - Math.max(0, remaining))));
        return new Response(false, headers);
    }

    private static long parse(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
