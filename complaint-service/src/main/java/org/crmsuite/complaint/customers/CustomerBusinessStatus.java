package org.crmsuite.complaint.customers;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * customer-service's answer to {@code GET /api/v1/customers/{id}/business-status}. Unknown fields are ignored: a
 * field customer-service adds later must not break intake (tolerant reader). {@code degraded} is never sent by
 * customer-service; only the fallback sets it, saying why there is no real answer.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CustomerBusinessStatus(String customerId, Boolean allowed, String reason, String name, String grade, String category,
        String ownerId, String departmentId, @JsonIgnore Degraded degraded, @JsonIgnore String problem) {

    enum Degraded {
        /** customer-service answered 404: no such customer. */
        NOT_FOUND,
        /** customer-service did not answer in time, failed, or its circuit breaker is open. */
        UNAVAILABLE
    }

    static CustomerBusinessStatus degraded(Degraded how, String problem) {
        return new CustomerBusinessStatus(null, null, null, null, null, null, null, null, how, problem);
    }
}
