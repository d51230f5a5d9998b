package org.crmsuite.visit.customers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.openfeign.FallbackFactory;
import org.springframework.stereotype.Component;

import feign.FeignException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

/**
 * What the back-fill gets when customer-service does not answer: an exception saying so
 * ({@link CustomerLookupException}), never a hang and never a made-up customer. The caller keeps a partial view and
 * tries again later (a read only: no write is dropped here).
 */
@Component
class CustomerServiceFallback implements FallbackFactory<CustomerServiceClient> {

    private static final Logger log = LoggerFactory.getLogger(CustomerServiceFallback.class);

    @Override
    public CustomerServiceClient create(Throwable cause) {
        return customerId -> {
            if (cause instanceof FeignException.NotFound) {
                throw new CustomerLookupException(CustomerLookupException.Outcome.NOT_FOUND,
                        "customer-service knows no customer " + customerId);
            }
            String why = describe(cause);
            log.warn("customer-service unavailable for {}: {}", customerId, why);
            throw new CustomerLookupException(CustomerLookupException.Outcome.UNAVAILABLE, why);
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
