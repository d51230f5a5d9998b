package org.crmsuite.complaint.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request and response bodies of the case endpoints; {@link CaseMapper} builds the responses. */
final class CaseViews {

    private CaseViews() {
    }

    /**
     * A move in the workflow (CO-8). Closing needs {@code rating} 1–5 or {@code customerUnreachable} (CO-7);
     * escalating and reopening need a {@code note}; {@code cause} and {@code solution} are recorded when given
     * (the cause feeds the CO-9 recurring-causes report).
     */
    record TransitionRequest(@NotNull ComplaintState to, @Size(max = 2000) String note,
            @Min(value = 1, message = "must be between 1 and 5") @Max(value = 5, message = "must be between 1 and 5") Integer rating,
            Boolean customerUnreachable, @Size(max = 500) String cause, @Size(max = 4000) String solution) {
    }

    record AssignmentRequest(@NotBlank @Size(max = 100) String handlerId, @Size(max = 2000) String note) {
    }

    /** CO-6: a progress contact; {@code at} defaults to now. */
    record ContactRequest(Instant at, @NotNull Channel channel, @NotBlank @Size(max = 2000) String summary) {
    }

    record WaitingRequest(@NotNull Boolean waiting, @Size(max = 2000) String note) {
    }

    /** CO-5: a director's approval for an L3 case to take {@code businessDays} (at most the policy's maximum, 7). */
    record ExtensionRequest(@NotNull @Min(1) @Max(60) Integer businessDays, @NotBlank @Size(max = 2000) String note) {
    }

    record DeadlineView(DeadlineKind kind, int round, Instant startedAt, Instant dueAt, Instant warnAt, boolean running,
            Duration businessTimeLeft, long businessMinutesLeft, boolean warned, boolean breached, String breachHandlerId,
            Instant metAt, Deadline.Outcome outcome, Integer businessDays, Duration pausedBusinessTime) {
    }

    record CustomerView(String customerId, CustomerVerification verification, Instant checkedAt, String name, String grade,
            String category, String ownerId, String departmentId, Boolean businessAllowed, String note) {
    }

    record ComplaintView(String id, Long version, Instant receivedAt, Channel channel, Category category, String content,
            List<String> products, List<String> stores, List<String> staff, List<String> attachments,
            CustomerView customer, Complaint.Contact contact, String departmentId, Level level, HandlerTier handlerTier,
            String handlerId, ComplaintState state, boolean open, Set<ComplaintState> allowedTransitions,
            boolean executiveMeeting, String relatedTo, List<String> relatedComplaints, String cause, String solution,
            List<DeadlineView> deadlines, List<DeadlineView> breaches, boolean waitingOnCustomer, Instant waitingSince,
            boolean clockPaused, Instant lastContactAt, Instant progressContactDueAt, boolean progressOverdue,
            List<Complaint.ContactRecord> contacts, Complaint.Rating rating, List<Complaint.Rating> ratings,
            Instant resolvedAt, Instant closedAt, String filedBy, List<Complaint.HistoryEntry> history, Instant createdAt,
            Instant updatedAt) {
    }

    /** What a partner system sees of its own filings: status and dates, no handling notes or customer data. */
    record PartnerView(String id, Instant receivedAt, Channel channel, Category category, Level level, ComplaintState state,
            boolean open, Instant acknowledgeDueAt, Instant resolveDueAt, Instant resolvedAt, Instant closedAt) {
    }

    /** One line of a work queue (CU-9 order). */
    record QueueItem(String id, Level level, ComplaintState state, HandlerTier handlerTier, String handlerId,
            String departmentId, String customerId, String customerName, String customerGrade, Category category,
            Channel channel, Instant receivedAt, DeadlineKind nextDeadline, Instant nextDueAt, Duration businessTimeLeft,
            boolean breached, boolean progressOverdue, boolean waitingOnCustomer, boolean executiveMeeting) {
    }

    record Page<T>(List<T> items, int page, int size, long total) {
    }
}
