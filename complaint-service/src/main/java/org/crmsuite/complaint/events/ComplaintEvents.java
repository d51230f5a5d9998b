package org.crmsuite.complaint.events;

import java.time.Instant;
import java.util.List;

import org.crmsuite.platform.events.EventType;

/**
 * The events complaint-service publishes on {@code crm.events}: one constant per type and one record per type's
 * {@code data} (docs/events.md lists them). Raised by the aggregates and stored with their state change.
 */
public final class ComplaintEvents {

    public static final EventType RECEIVED = event("received", "case");
    public static final EventType ACKNOWLEDGED = event("acknowledged", "case");
    public static final EventType ASSIGNED = event("assigned", "case");
    public static final EventType ESCALATED = event("escalated", "case");
    /** CO-8 "report major complaints to management immediately": every case that is or becomes L3. */
    public static final EventType MAJOR_REPORTED = event("major-reported", "case");
    public static final EventType SLA_WARNING = event("sla-warning", "case");
    public static final EventType SLA_BREACHED = event("sla-breached", "case");
    public static final EventType PROGRESS_OVERDUE = event("progress-overdue", "case");
    public static final EventType RESOLVED = event("resolved", "case");
    public static final EventType CLOSED = event("closed", "case");
    public static final EventType REOPENED = event("reopened", "case");
    public static final EventType WORK_ORDER_ISSUED = workOrder("issued");
    public static final EventType WORK_ORDER_OVERDUE = workOrder("overdue");
    public static final EventType WORK_ORDER_COMPLETED = workOrder("completed");
    public static final EventType CALENDAR_CHANGED = new EventType("crm.complaint.calendar-changed.v1", "complaint.calendar.changed");

    private ComplaintEvents() {
    }

    private static EventType event(String name, String aggregate) {
        return new EventType("crm.complaint." + name + ".v1", "complaint." + aggregate + "." + name);
    }

    private static EventType workOrder(String name) {
        return new EventType("crm.complaint.work-order-" + name + ".v1", "complaint.work-order." + name);
    }

    /** {@code contact*}: the complainant as given at intake (NO-1: the acknowledgement goes to them); null if none. */
    public record Received(String complaintId, Instant receivedAt, String channel, String category, String level,
            String customerId, String customerVerification, String departmentId, String handlerTier, String filedBy,
            String relatedTo, Instant acknowledgeDueAt, Instant resolveDueAt, String contactName, String contactPhone,
            String contactEmail) {
    }

    public record Acknowledged(String complaintId, String customerId, String by, Instant at, boolean onTime,
            String contactName, String contactPhone, String contactEmail) {
    }

    public record Assigned(String complaintId, String handlerId, String handlerTier, String departmentId, String level,
            String by, Instant resolveDueAt) {
    }

    /** @param reason MANUAL, RATING (CO-7) or SECOND_COMPLAINT (CO-8) */
    public record Escalated(String complaintId, String fromLevel, String toLevel, String handlerTier, String departmentId,
            String reason, Integer rating, boolean executiveMeeting, String by, Instant resolveDueAt) {
    }

    public record MajorReported(String complaintId, String level, String customerId, String customerName, String category,
            String channel, String departmentId, String summary, String reason) {
    }

    /** @param deadline ACKNOWLEDGE, ACCEPT or RESOLVE */
    public record SlaWarning(String complaintId, String deadline, Instant dueAt, int percentElapsed, String handlerId,
            String handlerTier, String departmentId, String level) {
    }

    public record SlaBreached(String complaintId, String deadline, Instant dueAt, String handlerId, String handlerTier,
            String departmentId, String level) {
    }

    public record ProgressOverdue(String complaintId, Instant lastContactAt, Instant contactDueAt, String handlerId,
            String handlerTier, String departmentId, String level) {
    }

    public record Resolved(String complaintId, String customerId, String contactName, String contactPhone, String level,
            String handlerId, Instant resolvedAt, boolean onTime, String contactEmail) {
    }

    /** @param rating 1–5, absent when the customer was unreachable */
    public record Closed(String complaintId, String customerId, String level, Integer rating, boolean customerUnreachable,
            String handlerId, Instant closedAt) {
    }

    public record Reopened(String complaintId, String level, String by, String note, Instant resolveDueAt) {
    }

    public record WorkOrderIssued(String workOrderId, String assigneeId, String dispatcherId, String location, String task,
            Instant replyBy, String complaintId) {
    }

    public record WorkOrderOverdue(String workOrderId, String assigneeId, String dispatcherId, Instant replyBy,
            boolean progressReported, String complaintId) {
    }

    public record WorkOrderCompleted(String workOrderId, String assigneeId, String dispatcherId, String result,
            Instant completedAt, boolean onTime, String complaintId) {
    }

    public record CalendarChanged(String calendarId, String zone, List<Integer> years, String by) {
    }
}
