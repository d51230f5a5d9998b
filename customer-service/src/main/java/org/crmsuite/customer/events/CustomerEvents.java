package org.crmsuite.customer.events;

import java.time.Instant;
import java.util.List;

import org.crmsuite.platform.events.EventType;

/**
 * The events customer-service publishes about customers (docs/events.md). Each is stored in the customer document's
 * outbox together with the change that raised it. Personal data (phones, e-mail, id numbers) never travels in an
 * event: consumers that need it ask the API with their own caller identity (CU-3).
 */
public final class CustomerEvents {

    public static final EventType CREATED = new EventType("crm.customer.created.v1", "customer.customer.created");
    public static final EventType UPDATED = new EventType("crm.customer.updated.v1", "customer.customer.updated");
    public static final EventType CATEGORY_CHANGED = new EventType("crm.customer.category-changed.v1",
            "customer.customer.category-changed");
    public static final EventType GRADE_CHANGED = new EventType("crm.customer.grade-changed.v1",
            "customer.customer.grade-changed");
    public static final EventType TIER_CHANGED = new EventType("crm.customer.tier-changed.v1",
            "customer.customer.tier-changed");
    public static final EventType BLACKLISTED = new EventType("crm.customer.blacklisted.v1",
            "customer.customer.blacklisted");
    public static final EventType BLACKLIST_LIFTED = new EventType("crm.customer.blacklist-lifted.v1",
            "customer.customer.blacklist-lifted");
    public static final EventType SUSPENDED = new EventType("crm.customer.suspended.v1", "customer.customer.suspended");
    public static final EventType REINSTATED = new EventType("crm.customer.reinstated.v1", "customer.customer.reinstated");
    public static final EventType OWNER_CHANGED = new EventType("crm.customer.owner-changed.v1",
            "customer.customer.owner-changed");

    private CustomerEvents() {
    }

    /** {@code data} of {@link #CREATED}; {@code admissionId} is set when an approved admission created it (CU-5). */
    public record Created(String customerId, String name, String registrationNumber, String departmentId, String ownerId,
            String category, String grade, int priority, String tier, String status, String admissionId, String createdBy) {
    }

    /** {@code data} of {@link #UPDATED}: which fields changed (names only, never values of personal data). */
    public record Updated(String customerId, String name, String departmentId, String ownerId, String status,
            List<String> changedFields, String changedBy) {
    }

    /** {@code data} of {@link #CATEGORY_CHANGED}, {@link #GRADE_CHANGED} and {@link #TIER_CHANGED} (CU-4, CU-6). */
    public record ClassificationChanged(String customerId, String departmentId, String from, String to, String reason,
            String changedBy, Instant changedAt, Integer priority) {
    }

    /** {@code data} of {@link #BLACKLISTED} (CU-7): no business within {@code scope} until {@code expiresAt}. */
    public record Blacklisted(String customerId, String entryId, String scope, String departmentId, String reason,
            Instant expiresAt, String blacklistedBy) {
    }

    /** {@code data} of {@link #BLACKLIST_LIFTED}: {@code cause} is {@code LIFTED} (by someone) or {@code EXPIRED}. */
    public record BlacklistLifted(String customerId, String entryId, String scope, String departmentId, String cause,
            String reason, String liftedBy, Instant liftedAt) {
    }

    /** {@code data} of {@link #SUSPENDED} (CU-8): business suspended until the documents are renewed. */
    public record Suspended(String customerId, String departmentId, String reason, List<String> documentTypes,
            Instant suspendedAt) {
    }

    /** {@code data} of {@link #REINSTATED}: the suspension ended ({@code cause}: {@code DOCUMENTS_RENEWED}). */
    public record Reinstated(String customerId, String departmentId, String cause, Instant reinstatedAt) {
    }

    /**
     * {@code data} of {@link #OWNER_CHANGED} (CU-10). {@code reason} is {@code DEPARTURE} when a leaver's customers are
     * redistributed (the new owner then owes a return visit, VI-6) or {@code REASSIGNED}.
     */
    public record OwnerChanged(String customerId, String departmentId, String fromOwnerId, String toOwnerId,
            String reason, String changedBy, Instant changedAt) {
    }
}
