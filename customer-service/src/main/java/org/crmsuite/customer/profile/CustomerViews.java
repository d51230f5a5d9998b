package org.crmsuite.customer.profile;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.crmsuite.customer.profile.Values.Change;
import org.crmsuite.customer.profile.Values.Consent;
import org.crmsuite.customer.profile.Values.Money;
import org.crmsuite.customer.profile.Values.QualificationDocument;
import org.crmsuite.customer.profile.Values.Suspension;

/** Response bodies of the customer API. {@code masked} says personal data was masked for this caller (CU-3). */
public final class CustomerViews {

    private CustomerViews() {
    }

    public record LegalRepresentativeView(String name, String idNumber) {
    }

    public record ContactView(String id, String name, String title, String phone, String email, String idNumber,
            LocalDate birthday, boolean key, boolean erased) {
    }

    public record ProjectView(String id, String name, String location, String scale, Money budget, String schedule) {
    }

    public record BlacklistView(String entryId, String scope, String departmentId, String reason, String note,
            String createdBy, Instant createdAt, Instant expiresAt, String state, Instant endedAt, String endedBy,
            String endReason) {
    }

    public record VolumeView(String month, BigDecimal tonnes) {
    }

    public record CustomerView(String id, Long version, String name, String registrationNumber, String address,
            String region, String industry, LegalRepresentativeView legalRepresentative, String businessScope,
            StrategicValue strategicValue, String organisation, List<String> decisionChain, List<String> productLines,
            List<ContactView> contacts,
            List<ProjectView> projects, String ownerId, String departmentId, Category category, Grade grade, int priority,
            Tier tier, CustomerStatus status, Suspension suspension, List<QualificationDocument> documents,
            List<BlacklistView> blacklist, VolumeView latestVolume, Instant downgradeDueAt, Instant lastReviewAt,
            Instant nextReviewAt, Instant lastVerifiedAt, String admissionId, List<Consent> consents, boolean masked,
            Instant createdAt, Instant updatedAt) {
    }

    /** One search result: enough to pick the customer, with the first contact's phone (masked as CU-3 says). */
    public record CustomerSummary(String id, String name, String registrationNumber, String ownerId, String departmentId,
            Category category, Grade grade, int priority, Tier tier, CustomerStatus status, boolean blacklisted,
            String contactPhone, boolean masked, Instant lastVerifiedAt, Instant updatedAt) {
    }

    public record HistoryView(String customerId, List<Change> changes, int page, int size, long totalItems) {
    }
}
