package org.crmsuite.sales.customers;

import org.crmsuite.platform.web.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * SA-9: no deposit for a blacklisted or suspended customer. Asks customer-service now; when it cannot get an answer the
 * deposit is refused with 503 {@code sales.customer-status-unavailable} (fail closed) — a unit is never sold blind.
 */
@Service
public class CustomerCheck {

    public static final String UNAVAILABLE = "sales.customer-status-unavailable";

    private final CustomerServiceClient client;

    CustomerCheck(CustomerServiceClient client) {
        this.client = client;
    }

    /** @return the customer's name as customer-service knows it */
    public String requireAllowed(String customerId, String departmentId) {
        CustomerBusinessStatus status = client.businessStatus(customerId, departmentId);
        if (status != null && status.degraded() == CustomerBusinessStatus.Degraded.NOT_FOUND) {
            throw DomainException.badRequest("deposit.customer-not-found", "customer-service knows no customer "
                    + customerId).with("field", "customerId");
        }
        if (status == null || status.degraded() == CustomerBusinessStatus.Degraded.UNAVAILABLE || status.allowed() == null) {
            throw DomainException.unavailable(UNAVAILABLE, "customer-service could not confirm that customer " + customerId
                    + " may do business (" + (status == null ? "no answer" : status.problem() == null ? "incomplete answer"
                            : status.problem()) + "); no deposit is taken unchecked, try again shortly")
                    .with("customerId", customerId);
        }
        if (!status.allowed()) {
            String reason = status.reason() == null ? "not-allowed" : status.reason();
            throw new DomainException(HttpStatus.CONFLICT, "deposit.customer-" + reason, "No deposit for customer "
                    + customerId + ": " + (status.detail() == null ? reason : status.detail()))
                    .with("customerId", customerId).with("reason", reason);
        }
        return status.name();
    }
}
