package org.crmsuite.sales.customers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.openfeign.FallbackFactory;
import org.springframework.stereotype.Component;

import feign.FeignException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

/**
 * What the deposit check gets when customer-service does not answer: a status saying so — never an exception, never a
 * hang. {@link CustomerCheck} then refuses the deposit (fail closed): nothing is written on a guess.
 */
@Component
class CustomerServiceFallback implements FallbackFactory<CustomerServiceClient> {

    private static final Logger log = LoggerFactory.getLogger(CustomerServiceFallback.class);

    @Override
    public CustomerServiceClient create(Throwable cause) {
        return (customerId, department) -> {
            if (cause instanceof FeignException.NotFound) {
                return CustomerBusinessStatus.degraded(CustomerBusinessStatus.Degraded.NOT_FOUND,
                        "customer-service knows no customer " + customerId);
            }
            String why = describe(cause);
            log.warn("customer-service unavailable for {}: {}", customerId, why);
            return CustomerBusinessStatus.degraded(CustomerBusinessStatus.Degraded.UNAVAILABLE, why);
        };
    }

    private static String describe(Throwable cause) {
        if (cause instanceof CallNotPermittedException) {
            return "circuit breaker open";
        }
        if (cause instanceof java.util.concurrent.TimeoutException) {
            return "timed out";
        }
        if (cause instanceof FeignException feign && feign.status() > 0) {
            return "answered " + feign.status();
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
