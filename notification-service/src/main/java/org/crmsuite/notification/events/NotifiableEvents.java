package org.crmsuite.notification.events;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.crmsuite.platform.web.DomainException;

/**
 * The catalogue of event types this service knows (docs/events.md): complaint, work-order, visit, reception and
 * customer events it consumes, plus its own occasions (care messages NO-1, the daily digest NO-2, partner notices
 * NO-3). Rules, templates and subscriptions may only name these; anything else is a 400 listing them.
 */
public final class NotifiableEvents {

    public static final String CARE_BIRTHDAY = "crm.care.birthday.v1";
    public static final String CARE_HOLIDAY = "crm.care.holiday.v1";
    public static final String DIGEST = "crm.notification.digest.v1";
    public static final String SUBSCRIPTION_PAUSED = "crm.notification.subscription-paused.v1";

    private static final Predicate<Map<String, Object>> NEVER = data -> false;
    private static final Predicate<Map<String, Object>> ALWAYS = data -> true;

    private static final Map<String, NotifiableEvent> ALL = new LinkedHashMap<>();

    static {
        // complaint-service
        add("crm.complaint.received.v1", "complaint.case.received", NEVER, true,
                "complaintId", "2026-C-000042", "receivedAt", "2026-11-23T01:30:00Z", "channel", "PHONE", "category", "DELIVERY",
                "level", "L1", "customerId", "demo-cust-huaxin", "customerVerification", "VERIFIED",
                "departmentId", "dept-customer-service", "handlerTier", "AGENT", "filedBy", "demo-agent-1", "relatedTo", null,
                "acknowledgeDueAt", "2026-11-23T02:30:00Z", "resolveDueAt", "2026-11-30T10:00:00Z");
        add("crm.complaint.acknowledged.v1", "complaint.case.acknowledged", NEVER, true,
                "complaintId", "2026-C-000042", "customerId", "demo-cust-huaxin", "by", "demo-agent-1", "at",
                "2026-11-23T01:50:00Z", "onTime", true);
        add("crm.complaint.assigned.v1", "complaint.case.assigned", NEVER, true,
                "complaintId", "2026-C-000042", "handlerId", "demo-agent-1", "handlerTier", "AGENT", "departmentId",
                "dept-customer-service", "level", "L1", "by", "demo-manager-service", "resolveDueAt", "2026-11-30T10:00:00Z");
        add("crm.complaint.escalated.v1", "complaint.case.escalated", data -> "L3".equals(data.get("toLevel")), true,
                "complaintId", "2026-C-000042", "fromLevel", "L1", "toLevel", "L2", "handlerTier", "MANAGER", "departmentId",
                "dept-customer-service", "reason", "RATING", "rating", 2, "executiveMeeting", false, "by", "system",
                "resolveDueAt", "2026-12-02T10:00:00Z");
        add("crm.complaint.major-reported.v1", "complaint.case.major-reported", ALWAYS, false,
                "complaintId", "2026-C-000042", "level", "L3", "customerId", "demo-cust-huaxin", "customerName",
                "华信钢铁 Huaxin Steel", "category", "QUALITY", "channel", "PHONE", "departmentId", "dept-customer-service",
                "summary", "Cracks in the delivered steel coils", "reason", "FILED_AS_L3");
        add("crm.complaint.sla-warning.v1", "complaint.case.sla-warning", NEVER, false,
                "complaintId", "2026-C-000042", "deadline", "RESOLVE", "dueAt", "2026-11-30T10:00:00Z", "percentElapsed", 75,
                "handlerId", "demo-agent-1", "handlerTier", "AGENT", "departmentId", "dept-customer-service", "level", "L1");
        add("crm.complaint.sla-breached.v1", "complaint.case.sla-breached", ALWAYS, true,
                "complaintId", "2026-C-000042", "deadline", "RESOLVE", "dueAt", "2026-11-30T10:00:00Z", "handlerId",
                "demo-agent-1", "handlerTier", "AGENT", "departmentId", "dept-customer-service", "level", "L1");
        add("crm.complaint.progress-overdue.v1", "complaint.case.progress-overdue", NEVER, false,
                "complaintId", "2026-C-000042", "lastContactAt", "2026-11-16T02:00:00Z", "contactDueAt", "2026-11-23T02:00:00Z",
                "handlerId", "demo-agent-1", "handlerTier", "AGENT", "departmentId", "dept-customer-service", "level", "L1");
        add("crm.complaint.resolved.v1", "complaint.case.resolved", NEVER, true,
                "complaintId", "2026-C-000042", "customerId", "demo-cust-huaxin", "contactName", "王芳 Wang Fang",
                "contactPhone", "13800000001", "contactEmail", "wang.fang@example.com", "level", "L1", "handlerId",
                "demo-agent-1", "resolvedAt", "2026-11-25T06:00:00Z", "onTime", true);
        add("crm.complaint.closed.v1", "complaint.case.closed", NEVER, true,
                "complaintId", "2026-C-000042", "customerId", "demo-cust-huaxin", "level", "L1", "rating", 1,
                "customerUnreachable", false, "handlerId", "demo-agent-1", "closedAt", "2026-11-26T06:00:00Z");
        add("crm.complaint.work-order-issued.v1", "complaint.work-order.issued", NEVER, true,
                "workOrderId", "2026-W-000007", "assigneeId", "demo-agent-2", "dispatcherId", "demo-dispatcher", "location",
                "Huaxin Steel warehouse 3", "task", "Inspect the damaged coils", "replyBy", "2026-11-24T10:00:00Z",
                "complaintId", "2026-C-000042");
        add("crm.complaint.work-order-overdue.v1", "complaint.work-order.overdue", NEVER, true,
                "workOrderId", "2026-W-000007", "assigneeId", "demo-agent-2", "dispatcherId", "demo-dispatcher", "replyBy",
                "2026-11-24T10:00:00Z", "progressReported", false, "complaintId", "2026-C-000042");
        add("crm.complaint.work-order-completed.v1", "complaint.work-order.completed", NEVER, true,
                "workOrderId", "2026-W-000007", "assigneeId", "demo-agent-2", "dispatcherId", "demo-dispatcher", "result",
                "Coils replaced", "completedAt", "2026-11-24T08:00:00Z", "onTime", true, "complaintId", "2026-C-000042");
        // visit-service (contract in docs/events.md)
        add("crm.visit.plan-scheduled.v1", "visit.plan.scheduled", NEVER, true, visitPlan());
        Object[] rescheduled = concat(visitPlan(), "previousPlannedAt", "2026-11-26T02:00:00Z", "reason", "Customer asked",
                "rescheduledBy", "demo-sales-1");
        add("crm.visit.plan-rescheduled.v1", "visit.plan.rescheduled", NEVER, true, rescheduled);
        add("crm.visit.plan-cancelled.v1", "visit.plan.cancelled", NEVER, true,
                "planId", "plan-42", "customerId", "demo-cust-huaxin", "ownerId", "demo-sales-1", "departmentId",
                "dept-east-sales", "kind", "CADENCE", "plannedAt", "2026-11-27T02:00:00Z", "reason", "WITHDRAWN", "note",
                "Customer moved the meeting online", "by", "demo-sales-1");
        add("crm.visit.plan-due.v1", "visit.plan.due", NEVER, false,
                "planId", "plan-42", "customerId", "demo-cust-huaxin", "customerName", "华信钢铁 Huaxin Steel", "ownerId",
                "demo-sales-1", "departmentId", "dept-east-sales", "dueBy", "2026-11-30", "kind", "CADENCE", "priority", 1);
        add("crm.visit.plan-overdue.v1", "visit.plan.overdue", NEVER, false,
                "planId", "plan-42", "customerId", "demo-cust-huaxin", "customerName", "华信钢铁 Huaxin Steel", "ownerId",
                "demo-sales-1", "departmentId", "dept-east-sales", "dueBy", "2026-11-20", "daysOverdue", 3, "kind", "CADENCE",
                "priority", 1);
        add("crm.visit.survey-sent.v1", "visit.survey.sent", NEVER, false,
                "surveyId", "survey-7", "customerId", "demo-cust-huaxin", "customerName", "华信钢铁 Huaxin Steel", "ownerId",
                "demo-sales-1", "departmentId", "dept-east-sales", "year", 2026, "channel", "EMAIL", "templateId", "tpl-1",
                "templateName", "Annual satisfaction 2026", "questions",
                List.of(Map.of("id", "q1", "area", "PRODUCT_QUALITY", "text", "How satisfied are you with our products?"),
                        Map.of("id", "q2", "area", "SERVICE_ATTITUDE", "text", "How satisfied are you with our service?")),
                "contactName", "王芳 Wang Fang", "contactPhone", "13800000001", "contactEmail", "wang.fang@example.com",
                "sentBy", "demo-sales-1");
        // sales-service (contract in docs/events.md)
        add("crm.reception.assigned.v1", "sales.reception.assigned", NEVER, false,
                "receptionId", "rec-9", "officeId", "office-shanghai", "repId", "demo-sales-2", "rule", "SA-1",
                "countedAsTurn", true, "visitorName", "陈先生 Mr Chen", "registrationId", "reg-3", "at", "2026-11-23T02:10:00Z",
                "departmentId", "dept-east-sales", "creditedRepId", "demo-sales-2", "reason", "next in the rota",
                "standbyRepId", "demo-sales-3");
        add("crm.reception.customer-reassigned.v1", "sales.registration.reassigned", NEVER, false,
                "registrationId", "reg-3", "officeId", "office-shanghai", "departmentId", "dept-east-sales", "customerName",
                "陈先生 Mr Chen", "contactPhone", "13800000009", "fromRepId", "demo-sales-3", "toRepId", "demo-sales-2",
                "reason", "DEPARTURE", "returnVisitDueBy", "2026-11-26T10:00:00Z");
        add("crm.reception.referral-lapsed.v1", "sales.referral.lapsed", NEVER, false,
                "referralId", "ref-5", "officeId", "office-shanghai", "referrerId", "demo-sales-1", "customerName",
                "赵女士 Ms Zhao", "appointmentDate", "2026-11-22");
        // customer-service
        add("crm.customer.owner-changed.v1", "customer.customer.owner-changed", NEVER, false,
                "customerId", "demo-cust-huaxin", "departmentId", "dept-east-sales", "fromOwnerId", "demo-sales-3",
                "toOwnerId", "demo-sales-1", "reason", "DEPARTURE", "changedBy", "system", "changedAt", "2026-11-23T01:00:00Z");
        add("crm.customer.suspended.v1", "customer.customer.suspended", NEVER, false,
                "customerId", "demo-cust-huaxin", "departmentId", "dept-east-sales", "reason", "DOCUMENT_EXPIRED",
                "documentTypes", List.of("BUSINESS_LICENSE"), "suspendedAt", "2026-11-23T01:00:00Z");
        add("crm.customer.grade-changed.v1", "customer.customer.grade-changed", NEVER, true,
                "customerId", "demo-cust-huaxin", "departmentId", "dept-east-sales", "from", "PREFERRED", "to", "VIP", "reason",
                "annual review", "changedBy", "demo-manager-east", "changedAt", "2026-11-23T01:00:00Z", "priority", 1);
        // this service's own occasions
        add(CARE_BIRTHDAY, null, NEVER, false,
                "customerId", "demo-cust-huaxin", "customerName", "华信钢铁 Huaxin Steel", "ownerId", "demo-sales-1",
                "contactName", "王芳 Wang Fang", "contactPhone", "13800000001", "contactEmail", "wang.fang@example.com",
                "monthDay", "11-23");
        add(CARE_HOLIDAY, null, NEVER, false,
                "holiday", "春节 Spring Festival", "date", "2027-02-06", "customerId", "demo-cust-huaxin", "contactName",
                "王芳 Wang Fang", "contactPhone", "13800000001", "contactEmail", "wang.fang@example.com");
        add(DIGEST, null, NEVER, false, "date", "2026-11-23", "count", 2, "items",
                List.of(Map.of("title", "Visit due: Huaxin Steel", "line", "Plan plan-42 is due by 2026-11-30"),
                        Map.of("title", "Work order completed", "line", "2026-W-000007: Coils replaced")));
        add(SUBSCRIPTION_PAUSED, null, ALWAYS, false, "subscriptionId", "sub-1", "partnerId", "partner-demo", "url",
                "https://partner.example.com/hooks", "failures", 10, "lastError", "HTTP 500");
    }

    private NotifiableEvents() {
    }

    private static Object[] visitPlan() {
        return new Object[] { "planId", "plan-42", "customerId", "demo-cust-huaxin", "customerName", "华信钢铁 Huaxin Steel",
                "ownerId", "demo-sales-1", "departmentId", "dept-east-sales", "kind", "CADENCE", "purpose", "Quarterly review",
                "plannedAt", "2026-11-27T02:00:00Z", "place", "Huaxin Steel HQ, Shanghai", "dueBy", "2026-11-30",
                "contactName", "王芳 Wang Fang", "contactPhone", "13800000001", "contactEmail", "wang.fang@example.com",
                "track", "REGULAR", "cadenceMonths", 3, "complaintId", null, "priority", 1, "createdBy", "system" };
    }

    private static Object[] concat(Object[] first, Object... more) {
        Object[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private static void add(String type, String routingKey, Predicate<Map<String, Object>> urgent, boolean partnerVisible,
            Object... sample) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < sample.length; i += 2) {
            data.put((String) sample[i], sample[i + 1]);
        }
        ALL.put(type, new NotifiableEvent(type, routingKey, List.copyOf(data.keySet()), data, urgent, partnerVisible));
    }

    public static Collection<NotifiableEvent> all() {
        return ALL.values();
    }

    public static Optional<NotifiableEvent> find(String type) {
        return Optional.ofNullable(ALL.get(type));
    }

    /** The event type, or a 400 naming the known ones ({@code event-type.unknown}). */
    public static NotifiableEvent require(String type, String field) {
        NotifiableEvent event = type == null ? null : ALL.get(type);
        if (event == null) {
            throw DomainException.badRequest("event-type.unknown", "Unknown event type '" + type + "' in " + field)
                    .with("field", field).with("known", List.copyOf(ALL.keySet()));
        }
        return event;
    }

    /** Partners may subscribe only to these (NO-3); unknown or internal ones are a 400 listing them. */
    public static NotifiableEvent requirePartnerVisible(String type, String field) {
        NotifiableEvent event = ALL.get(type);
        if (event == null || !event.partnerVisible()) {
            throw DomainException.badRequest("event-type.unknown", "Unknown event type '" + type + "' in " + field)
                    .with("field", field).with("known", partnerTypes());
        }
        return event;
    }

    public static List<String> partnerTypes() {
        return ALL.values().stream().filter(NotifiableEvent::partnerVisible).map(NotifiableEvent::type).toList();
    }

    public static List<String> routingKeys() {
        return ALL.values().stream().filter(NotifiableEvent::consumed).map(NotifiableEvent::routingKey).toList();
    }

    public static List<String> partnerRoutingKeys() {
        return ALL.values().stream().filter(e -> e.partnerVisible() && e.consumed()).map(NotifiableEvent::routingKey).toList();
    }
}
