package org.crmsuite.customer.profile;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The value types a customer profile is made of (CU-1), stored inside the customer document. */
public final class Values {

    private Values() {
    }

    public record LegalRepresentative(String name, String idNumber) {
    }

    /**
     * A contact person. {@code birthdayKey} is month × 100 + day, indexed for the care-message look-up by date range;
     * {@code erased} marks a contact anonymised on request (the record stays so statistics keep their counts).
     */
    public record Contact(String id, String name, String title, String phone, String email, String idNumber,
            LocalDate birthday, Integer birthdayKey, Boolean key, Boolean erased) {

        public Contact {
            key = Boolean.TRUE.equals(key);
            erased = Boolean.TRUE.equals(erased);
        }
    }

    /** Money as a decimal string with its currency (ARCHITECTURE.md, HTTP conventions). */
    public record Money(String amount, String currency) {
    }

    /** A project of the customer (项目信息). */
    public record Project(String id, String name, String location, String scale, Money budget, String schedule) {
    }

    /** CU-3: the customer's written consent to disclose information: scope, date and evidence. */
    public record Consent(String id, String scope, LocalDate grantedOn, String evidence, String recordedBy,
            Instant recordedAt) {
    }

    /** CU-5/CU-8: a qualification document with its expiry date. */
    public record QualificationDocument(DocumentType type, String number, LocalDate expiresOn) {
    }

    public enum DocumentType {
        BUSINESS_LICENCE, TAX_REGISTRATION, ORGANISATION_CODE, INVOICING
    }

    /** CU-7 blacklist entry; {@code departmentId} is set for a department-level entry. */
    public record BlacklistEntry(String entryId, BlacklistScope scope, String departmentId, BlacklistReason reason,
            String note, String createdBy, Instant createdAt, Instant expiresAt, BlacklistState state, Instant endedAt,
            String endedBy, String endReason) {

        public boolean blocks(String department, Instant now) {
            return state == BlacklistState.ACTIVE && now.isBefore(expiresAt)
                    && (scope == BlacklistScope.COMPANY || (department != null && department.equals(departmentId)));
        }
    }

    public enum BlacklistScope {
        DEPARTMENT, COMPANY
    }

    /** The three reasons of CU-7. */
    public enum BlacklistReason {
        FALSE_INFORMATION_OR_FRAUD, ECONOMIC_LOSS_OR_REPUTATION_DAMAGE, LEGAL_VIOLATION_UNDER_INVESTIGATION
    }

    public enum BlacklistState {
        ACTIVE, LIFTED, EXPIRED
    }

    /** CU-4: the offtake of one calendar month ({@code 2026-10}) in tonnes. */
    public record MonthlyVolume(String month, BigDecimal tonnes) {
    }

    /** CU-6: a problem in the review period (contract performance, payment, credit, volume). */
    public record ProblemRecord(String id, ProblemKind kind, String description, String recordedBy, Instant recordedAt) {
    }

    public enum ProblemKind {
        CONTRACT_PERFORMANCE, PAYMENT_PUNCTUALITY, CREDIT, VOLUME, OTHER
    }

    /** CU-8: why business is suspended and since when. */
    public record Suspension(String reason, List<DocumentType> documents, Instant since) {
    }

    /** CU-2: one change of the profile — who, when, what (field, old → new) and why. */
    public record Change(Instant at, String by, String action, List<FieldChange> fields, String reason,
            Instant occurredAt, boolean recordedLate) {
    }

    public record FieldChange(String field, String from, String to) {
    }
}
