package org.crmsuite.notification.customers;

import feign.FeignException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

/** customer-service or the calendar did not answer: the care job names which and why, and tries the day again later. */
public class SourceUnavailableException extends RuntimeException {

    public SourceUnavailableException(String service, Throwable cause) {
        super(service + " unavailable (" + describe(cause) + ")");
    }

    static String describe(Throwable cause) {
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
