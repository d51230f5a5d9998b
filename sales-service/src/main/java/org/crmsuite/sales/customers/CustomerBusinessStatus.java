package org.crmsuite.sales.customers;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * customer-service's answer to {@code GET /api/v1/customers/{id}/business-status}; unknown fields are ignored (tolerant
 * reader). {@code degraded} is only ever set by the fallback, saying why there is no real answer.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CustomerBusinessStatus(String customerId, Boolean allowed, String reason, String detail, String name,
        @JsonIgnore Degraded degraded, @JsonIgnore String problem) {

    enum Degraded { NOT_FOUND, UNAVAILABLE }

    static CustomerBusinessStatus degraded(Degraded how, String problem) {
        return new CustomerBusinessStatus(null, null, null, null, null, how, problem);
    }
}
