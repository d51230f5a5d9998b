package org.crmsuite.visit.customers;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The part of customer-service's {@code GET /api/v1/customers/{id}} answer ({@code CustomerView} there) this service
 * keeps. A tolerant reader: fields customer-service adds later are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CustomerRecord(String id, String name, String region, String ownerId, String departmentId, String category,
        String grade, String tier, String status, List<Entry> blacklist) {

    /** One blacklist entry of the profile; only ACTIVE ones count. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(String entryId, String scope, String departmentId, String state) {
    }
}
