package org.crmsuite.notification.staff;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.openfeign.FallbackFactory;
import org.springframework.stereotype.Component;

import feign.FeignException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

/**
 * What the directory look-ups give when identity does not answer: "nobody by that id" for a 404 (null), and a clear
 * {@link DirectoryUnavailableException} otherwise, so the caller postpones the notification instead of dropping it.
 */
@Component
class StaffDirectoryFallback implements FallbackFactory<StaffDirectoryClient> {

    private static final Logger log = LoggerFactory.getLogger(StaffDirectoryFallback.class);

    @Override
    public StaffDirectoryClient create(Throwable cause) {
        return new StaffDirectoryClient() {
            @Override
            public Staff staff(String id) {
                return orNotFound("staff " + id);
            }

            @Override
            public Staff managerOf(String departmentId) {
                return orNotFound("manager of " + departmentId);
            }

            @Override
            public Staff directorOf(String departmentId) {
                return orNotFound("director of " + departmentId);
            }

            @Override
            public Escalation escalationOf(String staffId) {
                if (cause instanceof FeignException.NotFound) {
                    return null;
                }
                throw unavailable("escalation of " + staffId);
            }

            private Staff orNotFound(String what) {
                if (cause instanceof FeignException.NotFound) {
                    return null;
                }
                throw unavailable(what);
            }

            private DirectoryUnavailableException unavailable(String what) {
                String why = describe(cause);
                log.warn("identity unavailable for {}: {}", what, why);
                return new DirectoryUnavailableException("identity unavailable (" + why + ")",
                        cause instanceof CallNotPermittedException);
            }
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
