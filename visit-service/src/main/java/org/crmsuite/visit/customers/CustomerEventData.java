package org.crmsuite.visit.customers;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The {@code data} of customer-service's events this service consumes (docs/events.md). Tolerant readers: fields
 * customer-service adds later are ignored.
 */
public final class CustomerEventData {

    private CustomerEventData() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Created(String customerId, String name, String departmentId, String ownerId, String category,
            String grade, String tier, String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Updated(String customerId, String name, String departmentId, String ownerId, String status,
            List<String> changedFields) {
    }

    /** category-changed, grade-changed and tier-changed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ClassificationChanged(String customerId, String departmentId, String from, String to, String reason,
            String changedBy, Instant changedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Blacklisted(String customerId, String entryId, String scope, String departmentId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BlacklistLifted(String customerId, String entryId, String scope, String departmentId, String cause) {
    }

    /** suspended and reinstated. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StatusChanged(String customerId, String departmentId, String reason, String cause) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OwnerChanged(String customerId, String departmentId, String fromOwnerId, String toOwnerId,
            String reason, String changedBy, Instant changedAt) {
    }
}
