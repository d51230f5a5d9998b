package org.crmsuite.complaint.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.crmsuite.testsupport.Api;
import org.crmsuite.complaint.support.ServiceTestBase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** CO-10 work orders: issue, acknowledge to the minute, progress, no refusal, escalate, complete, sign off, call back, archive. */
class WorkOrderFlowTest extends ServiceTestBase {

    static final String ORDERS = "/api/v1/work-orders";

    final String department = uniqueDepartment();
    final String dispatcher = dispatcher("staff-dispatcher-1", department);
    final String assignee = agent("staff-agent-1", department);

    @Autowired
    WorkOrders workOrders;

    @Test
    @DisplayName("CO-10: the whole flow of a work order belonging to a complaint")
    void aWorkOrderGoesFromIssueToArchive() {
        String complaintId = file(complaint("qual-wo", "L1", department), assignee).text("id");
        Api.Response issued = api.post(ORDERS, dispatcher, order("staff-agent-1", complaintId));
        assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
        String id = issued.text("id");
        assertThat(issued.text("state")).isEqualTo("ISSUED");
        assertThat(issued.text("complaintId")).isEqualTo(complaintId);
        assertThat(eventTypes("work_orders", id)).containsExactly("crm.complaint.work-order-issued.v1");

        clock.set("2026-10-12T02:17:42Z");
        assertThat(post(id, "acknowledgement", agent("staff-agent-2", department), Map.of()).status()).isEqualTo(403);
        Api.Response acknowledged = post(id, "acknowledgement", assignee, Map.of());
        assertThat(acknowledged.text("state")).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.text("acknowledgedAt")).isEqualTo("2026-10-12T02:17:00Z"); // to the minute

        clock.set("2026-10-12T06:00:00Z");
        Api.Response progress = post(id, "progress", assignee, Map.of("note", "waiting for the spare part",
                "expectedCompletionAt", "2026-10-12T07:30:00Z"));
        assertThat(progress.body().path("progress").get(0).path("beforeDue").asBoolean()).isTrue();

        clock.set("2026-10-12T07:00:00Z");
        Api.Response completed = post(id, "completion", assignee, Map.of("process", "replaced the valve", "result", "no leak"));
        assertThat(completed.text("state")).isEqualTo("COMPLETED");
        assertThat(completed.body().path("completion").path("onTime").asBoolean()).isTrue();
        assertThat(eventTypes("work_orders", id)).endsWith("crm.complaint.work-order-completed.v1");

        assertThat(post(id, "archive", dispatcher, Map.of()).status()).isEqualTo(409); // not yet signed off and called back
        assertThat(post(id, "sign-off", assignee, Map.of("signedBy", "Site manager Liu")).text("state")).isEqualTo("SIGNED_OFF");
        assertThat(post(id, "call-back", assignee, Map.of("note", "ok")).status()).isEqualTo(403);
        assertThat(post(id, "call-back", dispatcher, Map.of("note", "customer confirms", "satisfied", true)).text("state"))
                .isEqualTo("CALLED_BACK");
        Api.Response archived = post(id, "archive", dispatcher, Map.of());
        assertThat(archived.text("state")).isEqualTo("ARCHIVED");
        assertThat(archived.body().path("history").findValuesAsString("action")).containsExactly("ISSUED", "ACKNOWLEDGED",
                "PROGRESS", "COMPLETED", "SIGNED_OFF", "CALLED_BACK", "ARCHIVED");
    }

    @Test
    @DisplayName("CO-10: an order cannot be refused, only escalated to a superior")
    void anOrderCannotBeRefusedOnlyEscalated() {
        String id = api.post(ORDERS, dispatcher, order("staff-agent-2", null)).text("id");
        String agentTwo = agent("staff-agent-2", department);
        Api.Response refused = post(id, "refusal", agentTwo, Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("code")).isEqualTo("work-order.refusal-not-allowed");

        Api.Response escalated = post(id, "escalation", agentTwo, Map.of("superiorId", "staff-manager-1",
                "reason", "needs a crane licence"));
        assertThat(escalated.text("assigneeId")).isEqualTo("staff-manager-1");
        assertThat(escalated.text("state")).isEqualTo("ISSUED");
        assertThat(post(id, "acknowledgement", manager("staff-manager-1", department), Map.of()).text("state"))
                .isEqualTo("ACKNOWLEDGED");
        assertThat(api.get(ORDERS + "/" + id, agentTwo).status()).isEqualTo(200); // the one who escalated still follows it
    }

    @Test
    @DisplayName("CO-10: the dispatcher's end-of-day list holds the unfinished orders; one past its reply-by time is flagged once")
    void unfinishedOrdersAreListedAtTheEndOfTheDayAndFlaggedOverdueOnce() {
        String open = api.post(ORDERS, dispatcher, order("staff-agent-1", null)).text("id");
        String done = api.post(ORDERS, dispatcher, order("staff-agent-1", null)).text("id");
        post(done, "acknowledgement", assignee, Map.of());
        post(done, "completion", assignee, Map.of("process", "p", "result", "r"));

        Api.Response endOfDay = api.get(ORDERS + "/unfinished?date=2026-10-12", dispatcher);
        assertThat(endOfDay.status()).isEqualTo(200);
        assertThat(endOfDay.body().findValuesAsString("id")).contains(open).doesNotContain(done);
        assertThat(api.get(ORDERS + "/unfinished", assignee).status()).isEqualTo(403);

        clock.set("2026-10-12T08:01:00Z"); // past the reply-by time 16:00
        workOrders.flagOverdue();
        workOrders.flagOverdue();
        assertThat(eventTypes("work_orders", open).stream().filter("crm.complaint.work-order-overdue.v1"::equals)).hasSize(1);
        assertThat(eventTypes("work_orders", done)).doesNotContain("crm.complaint.work-order-overdue.v1");
        assertThat(api.get(ORDERS + "/" + open, dispatcher).body().path("overdue").asBoolean()).isTrue();
    }

    @Test
    void onlyADispatcherIssuesAndALinkedComplaintMustExist() {
        assertThat(api.post(ORDERS, assignee, order("staff-agent-1", null)).status()).isEqualTo(403);
        Api.Response unknown = api.post(ORDERS, dispatcher, order("staff-agent-1", "no-such-complaint"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.raw()).contains("complaintId");
    }

    @Test
    void partnerSystemsAndServicesSeeNoWorkOrdersEvenUnderAnAssigneesId() { // CO-10, docs/security.md
        String id = api.post(ORDERS, dispatcher, order("partner-acme", null)).body().path("id").asString();
        String partnerWithThatId = partner("partner-acme");
        String serviceWithThatId = org.crmsuite.testsupport.TestTokens.bearer("partner-acme", null, "SERVICE");

        assertThat(api.get(ORDERS, partnerWithThatId).status()).isEqualTo(403);
        assertThat(api.get(ORDERS, serviceWithThatId).status()).isEqualTo(403);
        assertThat(api.get(ORDERS + "/" + id, partnerWithThatId).status()).isEqualTo(403);
        assertThat(post(id, "acknowledgement", partnerWithThatId, Map.of()).status()).isEqualTo(403);
        assertThat(api.get(ORDERS, agent("staff-agent-1", department)).status()).as("staff still list theirs").isEqualTo(200);
    }

    Map<String, Object> order(String assigneeId, String complaintId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assigneeId", assigneeId);
        body.put("location", "Site B, 88 Jiangning Road");
        body.put("task", "Inspect the delivered pipes with the customer");
        body.put("requirements", "Photos of every label");
        body.put("replyBy", "2026-10-12T08:00:00Z"); // Mon 16:00
        if (complaintId != null) {
            body.put("complaintId", complaintId);
        }
        return body;
    }

    Api.Response post(String id, String action, String token, Map<String, Object> body) {
        return api.post(ORDERS + "/" + id + "/" + action, token, body);
    }
}
