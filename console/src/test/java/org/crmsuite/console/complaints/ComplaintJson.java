package org.crmsuite.console.complaints;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * complaint-service's answers as its controllers write them (CaseViews, WorkOrderController), with the demo data's
 * people, department and customers: {@code demo-agent-1} in {@code dept-customer-service}, {@code demo-customer-21}
 * (VIP, 徐州众诚物流有限公司), the work order on the L2 case issued by {@code demo-dispatcher} to {@code demo-agent-2}.
 */
final class ComplaintJson {

    static final String DEPARTMENT = "dept-customer-service";
    static final String CASE_ID = "6750c0a1e4b0a1b2c3d4e501";
    static final String ORDER_ID = "6750c0a1e4b0a1b2c3d4e9f1";

    private ComplaintJson() {
    }

    /** One line of a queue (CaseViews.QueueItem). */
    static String queueItem(String id, String customerName, String grade, String state, String nextDeadline,
            String nextDueAt, boolean breached) {
        return """
                {"id":"%s","level":"L1","state":"%s","handlerTier":"AGENT","handlerId":null,
                 "departmentId":"dept-customer-service","customerId":"demo-customer-21","customerName":"%s",
                 "customerGrade":%s,"category":"DELIVERY","channel":"PHONE","receivedAt":"2026-11-23T01:00:00Z",
                 "nextDeadline":"%s","nextDueAt":"%s","businessTimeLeft":"PT45M","breached":%s,
                 "progressOverdue":false,"waitingOnCustomer":false,"executiveMeeting":false}
                """.formatted(id, state, customerName, grade == null ? "null" : "\"" + grade + "\"", nextDeadline,
                nextDueAt, breached);
    }

    static String page(String... items) {
        return "{\"items\":[" + String.join(",", items) + "],\"page\":0,\"size\":50,\"total\":" + items.length + "}";
    }

    /** A case as {@code GET /complaints/{id}} and every change answer it (CaseViews.ComplaintView). */
    static String complaint(String state, String level, String tier, String... allowed) {
        String next = Arrays.stream(allowed).map(s -> "\"" + s + "\"").collect(Collectors.joining(","));
        boolean open = !"CLOSED".equals(state);
        return """
                {"id":"%s","version":3,"receivedAt":"2026-11-23T01:00:00Z","channel":"PHONE","category":"DELIVERY",
                 "content":"第二批货物晚到三天，影响工地进度。 The second delivery arrived three days late.",
                 "products":["Steel pipe DN50"],"stores":[],"staff":[],"attachments":[],
                 "customer":{"customerId":"demo-customer-21","verification":"VERIFIED","checkedAt":"2026-11-23T01:00:01Z",
                   "name":"徐州众诚物流有限公司","grade":"VIP","category":"KEY","ownerId":"demo-manager-service",
                   "departmentId":"dept-customer-service","businessAllowed":true,"note":null},
                 "contact":{"name":"Ms. Chen","phone":"13900000001","email":null,"kind":"CUSTOMER"},
                 "departmentId":"dept-customer-service","level":"%s","handlerTier":"%s","handlerId":null,"state":"%s",
                 "open":%s,"allowedTransitions":[%s],"executiveMeeting":false,"relatedTo":null,"relatedComplaints":[],
                 "cause":null,"solution":null,
                 "deadlines":[
                   {"kind":"ACKNOWLEDGE","round":1,"startedAt":"2026-11-23T01:00:00Z","dueAt":"2026-11-23T02:00:00Z",
                    "warnAt":"2026-11-23T01:45:00Z","running":false,"businessTimeLeft":null,"businessMinutesLeft":0,
                    "warned":false,"breached":false,"breachHandlerId":null,"metAt":"2026-11-23T01:20:00Z",
                    "outcome":"ON_TIME","businessDays":null,"pausedBusinessTime":"PT0S"},
                   {"kind":"RESOLVE","round":1,"startedAt":"2026-11-23T01:00:00Z","dueAt":"2026-11-24T10:00:00Z",
                    "warnAt":"2026-11-24T06:00:00Z","running":true,"businessTimeLeft":"PT7H30M","businessMinutesLeft":450,
                    "warned":false,"breached":false,"breachHandlerId":null,"metAt":null,"outcome":"OPEN",
                    "businessDays":1,"pausedBusinessTime":"PT0S"}],
                 "breaches":[],"waitingOnCustomer":false,"waitingSince":null,"clockPaused":false,"lastContactAt":null,
                 "progressContactDueAt":"2026-11-30T01:00:00Z","progressOverdue":false,"contacts":[],"rating":null,
                 "ratings":[],"resolvedAt":null,"closedAt":null,"filedBy":"demo-agent-1",
                 "history":[
                   {"action":"RECEIVED","from":null,"to":"RECEIVED","by":"demo-agent-1","at":"2026-11-23T01:00:00Z","note":null},
                   {"action":"TRANSITION","from":"RECEIVED","to":"ACKNOWLEDGED","by":"demo-agent-1",
                    "at":"2026-11-23T01:20:00Z","note":"called back, customer calmed"}],
                 "createdAt":"2026-11-23T01:00:00Z","updatedAt":"2026-11-23T01:20:00Z"}
                """.formatted(CASE_ID, level, tier, state, open, next);
    }

    /** A work order (WorkOrderController.WorkOrderView) in {@code state}. */
    static String workOrder(String state, String assigneeId) {
        return """
                {"id":"%s","version":1,"state":"%s","dispatcherId":"demo-dispatcher","departmentId":"dept-customer-service",
                 "assigneeId":"%s","location":"Site B, 88 Jiangning Road","task":"Check the delivered batch with the customer",
                 "requirements":"Photos of the labels; the customer's site manager present","replyBy":"2026-11-25T10:00:00Z",
                 "complaintId":"%s","issuedAt":"2026-11-23T02:00:00Z","acknowledgedAt":null,"overdue":false,
                 "progress":[],"escalations":[],"completion":null,"signOff":null,"callBack":null,"archivedAt":null,
                 "history":[{"action":"ISSUED","state":"ISSUED","by":"demo-dispatcher","at":"2026-11-23T02:00:00Z",
                   "note":"to demo-agent-2, reply by 2026-11-25T10:00:00Z"}]}
                """.formatted(ORDER_ID, state, assigneeId, CASE_ID);
    }

    /** A service's refusal (problem+json) with field errors given as field, message pairs. */
    static String problem(int status, String code, String detail, String... fieldMessages) {
        StringBuilder errors = new StringBuilder();
        for (int i = 0; i + 1 < fieldMessages.length; i += 2) {
            errors.append(errors.isEmpty() ? "" : ",").append("{\"field\":\"").append(fieldMessages[i])
                    .append("\",\"message\":\"").append(fieldMessages[i + 1]).append("\"}");
        }
        return """
                {"type":"urn:crm:problem:%s","title":"Refused","status":%d,"detail":"%s","code":"%s","errors":[%s]}
                """.formatted(code, status, detail, code, errors);
    }
}
