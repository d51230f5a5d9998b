package org.crmsuite.console.customers;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import org.crmsuite.console.security.ConsoleUser;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the customer screens read from the APIs, as far as a page shows it (docs/customers.md, docs/visit.md,
 * docs/complaints.md). Fields the page does not use are not declared (and ignored in the JSON), enum values
 * stay strings so a value a service adds later is shown as it is instead of failing the page, and times stay the ISO
 * strings the API sent: the browser shows them in local time. Helper methods are public because the templates call
 * them.
 */
final class CustomerViews {

    private CustomerViews() {
    }

    /**
     * One page of any of the three services' lists: customer-service and visit-service count in {@code totalItems},
     * complaint-service in {@code total}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ListPage<T>(List<T> items, int page, int size, Long totalItems, Integer totalPages, Long total) {

        ListPage {
            items = items == null ? List.of() : items;
        }

        public long count() {
            return totalItems != null ? totalItems : total != null ? total : items.size();
        }

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return size > 0 && (long) (page + 1) * size < count();
        }
    }

    // ---- customer-service: search and profile (CU-1, CU-3, CU-4)

    /** A search result; {@code contactPhone} is masked by the service when {@code masked} (CU-3). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CustomerSummary(String id, String name, String registrationNumber, String ownerId, String departmentId,
            String category, String grade, Integer priority, String tier, String status, boolean blacklisted,
            String contactPhone, boolean masked, String lastVerifiedAt, String updatedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Money(String amount, String currency) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LegalRepresentative(String name, String idNumber) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Contact(String id, String name, String title, String phone, String email, String idNumber, String birthday,
            boolean key, boolean erased) {

        /**
         * The contact list carries no flag of its own: the service replaces digits and letters by asterisks where the
         * caller may not see them (CU-3), so an asterisk in a personal field means it came masked.
         */
        public boolean masked() {
            return Objects.toString(phone, "").contains("*") || Objects.toString(email, "").contains("*")
                    || Objects.toString(idNumber, "").contains("*");
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Project(String id, String name, String location, String scale, Money budget, String schedule) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record QualificationDocument(String type, String number, String expiresOn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record BlacklistEntry(String entryId, String scope, String departmentId, String reason, String note,
            String createdAt, String expiresAt, String state) {

        public boolean active() {
            return "ACTIVE".equals(state);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Suspension(String reason, List<String> documents, String since) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Volume(String month, BigDecimal tonnes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Consent(String id, String scope, String grantedOn, String evidence) {
    }

    /** The profile as the service answers this caller: {@code masked} says personal data was masked (CU-3). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CustomerProfile(String id, Long version, String name, String registrationNumber, String address,
            String region, String industry, LegalRepresentative legalRepresentative, String businessScope,
            String strategicValue, String organisation, List<String> decisionChain, List<String> productLines,
            String ownerId, String departmentId, String category, String grade, Integer priority, String tier,
            String status, Suspension suspension, List<QualificationDocument> documents, List<BlacklistEntry> blacklist,
            Volume latestVolume, String downgradeDueAt, String lastReviewAt, String nextReviewAt, String lastVerifiedAt,
            String admissionId, List<Consent> consents, boolean masked, String createdAt, String updatedAt) {

        CustomerProfile {
            decisionChain = decisionChain == null ? List.of() : decisionChain;
            productLines = productLines == null ? List.of() : productLines;
            documents = documents == null ? List.of() : documents;
            blacklist = blacklist == null ? List.of() : blacklist;
            consents = consents == null ? List.of() : consents;
        }

        public List<BlacklistEntry> activeBlacklist() {
            return blacklist.stream().filter(BlacklistEntry::active).toList();
        }
    }

    // ---- customer-service: change history (CU-2), of which the page shows the classification (CU-4, CU-6)

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FieldChange(String field, String from, String to) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Change(String at, String by, String action, List<FieldChange> fields, String reason, String occurredAt,
            boolean recordedLate) {

        Change {
            fields = fields == null ? List.of() : fields;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record History(String customerId, List<Change> changes, int page, int size, long totalItems) {

        History {
            changes = changes == null ? List.of() : changes;
        }
    }

    // ---- customer-service: cooperation history (CU-1 timeline)

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Cooperation(String id, String contractNumber, String title, Money amount, String signedOn, String startOn,
            String endOn, String notes, String recordedBy) {
    }

    // ---- visit-service: records and open plans of one customer

    @JsonIgnoreProperties(ignoreUnknown = true)
    record VisitReport(String productQualityLabel, String serviceAttitudeLabel, String productReputationLabel,
            Double overall) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record VisitRecord(String id, String visitedAt, String mode, String visitedBy, String place, String content,
            String customerFeedback, VisitReport report) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record VisitPlan(String id, String kind, String purpose, String plannedAt, String dueBy, String status,
            String ownerId) {
    }

    // ---- complaint-service: cases, of which the page keeps this customer's

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ComplaintCustomer(String customerId, String name, String grade) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Complaint(String id, String receivedAt, String channel, String category, String content,
            ComplaintCustomer customer, String level, String state, boolean open, String handlerId,
            String departmentId) {

        public boolean of(String customerId) {
            return customer != null && customerId.equals(customer.customerId());
        }
    }

    // ---- customer-service: admission applications (CU-5)

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Invoicing(String bank, String account, String address, String phone) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Decision(String step, boolean approved, String reason, String decidedBy, String decidedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Admission(String id, Long version, String name, String registrationNumber, String departmentId,
            String proposedOwnerId, List<QualificationDocument> documents, Invoicing invoicing, String status,
            String pendingStep, List<Decision> decisions, String submittedBy, String customerId, String createdAt,
            String updatedAt) {

        Admission {
            documents = documents == null ? List.of() : documents;
            decisions = decisions == null ? List.of() : decisions;
        }

        /**
         * Whether the page offers this person the decision form: the pending step's role — a sales rep of the
         * application's department, finance, the general manager (CU-5). The service decides in the end (403 naming
         * {@code expectedRole}); this only keeps a form away from people it would refuse.
         */
        public boolean decidableBy(ConsoleUser me) {
            if (pendingStep == null || me == null) {
                return false;
            }
            return switch (pendingStep) {
                case "SALES" -> me.has("SALES") && Objects.equals(me.department(), departmentId);
                case "FINANCE" -> me.has("FINANCE");
                case "GENERAL_MANAGER" -> me.has("GM");
                default -> false;
            };
        }
    }
}
