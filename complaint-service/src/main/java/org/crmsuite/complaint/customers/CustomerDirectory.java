package org.crmsuite.complaint.customers;

import org.springframework.stereotype.Service;

/**
 * What complaint-service knows of a customer, asked of customer-service now (intake) or later (verification job).
 * Never throws for customer-service being down: {@link Check#answered()} is false then.
 */
@Service
public class CustomerDirectory {

    private final CustomerServiceClient client;

    CustomerDirectory(CustomerServiceClient client) {
        this.client = client;
    }

    /** The outcome of one look-up. */
    public enum Outcome { FOUND, NOT_FOUND, UNAVAILABLE }

    /** @param problem why there is no answer (UNAVAILABLE) */
    public record Check(Outcome outcome, String customerId, String name, String grade, String category, String ownerId,
            String departmentId, Boolean allowed, String reason, String problem) {

        public boolean answered() {
            return outcome != Outcome.UNAVAILABLE;
        }
    }

    public Check check(String customerId) {
        CustomerBusinessStatus status = client.businessStatus(customerId);
        if (status == null || status.degraded() == CustomerBusinessStatus.Degraded.UNAVAILABLE) {
            return new Check(Outcome.UNAVAILABLE, customerId, null, null, null, null, null, null, null,
                    status == null ? "no answer" : status.problem());
        }
        if (status.degraded() == CustomerBusinessStatus.Degraded.NOT_FOUND) {
            return new Check(Outcome.NOT_FOUND, customerId, null, null, null, null, null, null, null, status.problem());
        }
        return new Check(Outcome.FOUND, customerId, status.name(), status.grade(), status.category(), status.ownerId(),
                status.departmentId(), status.allowed(), status.reason(), null);
    }
}
