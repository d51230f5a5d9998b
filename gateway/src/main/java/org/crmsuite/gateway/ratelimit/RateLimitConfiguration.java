package org.crmsuite.gateway.ratelimit;

import java.time.Clock;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.health.DataRedisReactiveHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scripting.support.ResourceScriptSource;

/**
 * The rate limit of every route (the {@code RequestRateLimiter} default filter in application.yml): whose budget a
 * request spends ({@link CallerKeyResolver}) and where budgets are counted, chosen by
 * {@code crm.gateway.rate-limit.store}. Exactly one {@code RateLimiter} bean exists either way; SCG's own Redis
 * auto-configuration is switched off (application.yml) so that an in-memory gateway never needs Redis.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitSettings.class)
class RateLimitConfiguration {

    static final String STORE = "crm.gateway.rate-limit.store";

    @Bean
    KeyResolver callerKeyResolver() {
        return new CallerKeyResolver();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = STORE, havingValue = "memory", matchIfMissing = true)
    static class InMemoryStore {

        @Bean
        InMemoryRateLimiter inMemoryRateLimiter(RateLimitSettings limits) {
            return new InMemoryRateLimiter(limits, Clock.systemUTC());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = STORE, havingValue = "redis")
    static class RedisStore {

        @Bean
        RedisCallerRateLimiter redisRateLimiter(RateLimitSettings limits) {
            return new RedisCallerRateLimiter(limits);
        }

        /** SCG's token-bucket script, by the bean name RedisRateLimiter looks up. */
        @Bean(RedisRateLimiter.REDIS_SCRIPT_NAME)
        @SuppressWarnings({ "unchecked", "rawtypes" })
        RedisScript<List<Long>> redisRequestRateLimiterScript() {
            DefaultRedisScript script = new DefaultRedisScript<>();
            script.setScriptSource(new ResourceScriptSource(new ClassPathResource("META-INF/scripts/request_rate_limiter.lua")));
            script.setResultType(List.class);
            return script;
        }

        /**
         * Redis in the gateway's health only when it is the store (Boot's own Redis indicator is off in
         * application.yml); not in the readiness group: SCG lets requests through when Redis is down.
         */
        @Bean
        ReactiveHealthIndicator redisHealthIndicator(ReactiveRedisConnectionFactory redis) {
            return new DataRedisReactiveHealthIndicator(redis);
        }
    }
}
