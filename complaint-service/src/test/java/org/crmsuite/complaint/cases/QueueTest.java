package org.crmsuite.complaint.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crmsuite.testsupport.Api;
import org.crmsuite.complaint.support.ServiceTestBase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** CU-9 priority rights: work queues list open cases by customer grade (VIP, preferred, qualified, unknown), then deadline. */
class QueueTest extends ServiceTestBase {

    final String department = uniqueDepartment();
    final String agentId = "staff-agent-" + department; // handler queues span departments: an agent of this test only
    final String agent = agent(agentId, department);

    @Test
    @DisplayName("CU-9: the tier queue orders by grade VIP, PREFERRED, QUALIFIED, unknown, then by the earliest deadline")
    void queueOrdersByGradeThenDeadline() {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("unknown-consumer", fileAt("2026-10-12T01:15:00Z", null)); // 09:15, acknowledge due 10:15
        ids.put("unknown-no-grade", fileAt("2026-10-12T01:30:00Z", "nograde-q")); // due 10:30
        ids.put("unknown-not-found", fileAt("2026-10-12T01:45:00Z", "missing-q")); // due 10:45
        ids.put("qualified", fileAt("2026-10-12T02:00:00Z", "qual-q")); // due 11:00
        ids.put("vip-early", fileAt("2026-10-12T02:15:00Z", "vip-q1")); // due 11:15
        ids.put("preferred", fileAt("2026-10-12T02:30:00Z", "pref-q")); // due 11:30
        ids.put("vip-late", fileAt("2026-10-12T03:00:00Z", "vip-q2")); // due 13:30+ (lunch)

        Api.Response queue = api.get("/api/v1/complaints/queue", agent);
        assertThat(queue.status()).as(queue.raw()).isEqualTo(200);
        List<String> order = queue.body().path("items").findValuesAsString("id");
        assertThat(order).containsExactly(ids.get("vip-early"), ids.get("vip-late"), ids.get("preferred"), ids.get("qualified"),
                ids.get("unknown-consumer"), ids.get("unknown-no-grade"), ids.get("unknown-not-found"));
        JsonNode first = queue.body().path("items").get(0);
        assertThat(first.path("customerGrade").asString()).isEqualTo("VIP");
        assertThat(first.path("nextDeadline").asString()).isEqualTo("ACKNOWLEDGE");
        assertThat(first.path("nextDueAt").asString()).isEqualTo("2026-10-12T03:15:00Z");
        assertThat(queue.body().path("total").asLong()).isEqualTo(7);
    }

    @Test
    void aHandlersQueueHoldsTheCasesTheyTookInTheSameOrder() {
        String qualified = fileAt("2026-10-12T02:00:00Z", "qual-mine");
        String vip = fileAt("2026-10-12T02:10:00Z", "vip-mine");
        for (String id : List.of(qualified, vip)) {
            assertThat(move(id, "ACKNOWLEDGED", agent).status()).isEqualTo(200);
            assertThat(move(id, "ACCEPTED", agent).status()).isEqualTo(200);
        }
        Api.Response mine = api.get("/api/v1/complaints/queue?handlerId=" + agentId, agent);
        assertThat(mine.body().path("items").findValuesAsString("id")).containsExactly(vip, qualified);
        assertThat(api.get("/api/v1/complaints/queue?handlerId=staff-agent-2", agent).status()).isEqualTo(403);
    }

    @Test
    void eachTierSeesItsOwnQueue() {
        String l1 = fileAt("2026-10-12T02:00:00Z", "qual-tier");
        Map<String, Object> serious = complaint("vip-tier", "L2", department);
        String l2 = file(serious, agent).text("id");
        assertThat(api.get("/api/v1/complaints/queue", agent).body().path("items").findValuesAsString("id")).contains(l1)
                .doesNotContain(l2);
        Api.Response managers = api.get("/api/v1/complaints/queue", manager("staff-manager-1", department));
        assertThat(managers.body().path("items").findValuesAsString("id")).containsExactly(l2);
        assertThat(api.get("/api/v1/complaints/queue?tier=AGENT", manager("staff-manager-1", department)).body()
                .path("items").findValuesAsString("id")).containsExactly(l1);
    }

    @Test
    void aCustomersComplaintsAreListedByCustomerId() {
        // the console's customer 360 shows one customer's complaints
        String first = fileAt("2026-10-12T01:15:00Z", "vip-q1");
        fileAt("2026-10-12T01:30:00Z", "qual-q");
        String second = fileAt("2026-10-12T01:45:00Z", "vip-q1");
        Api.Response listed = api.get("/api/v1/complaints?customerId=vip-q1&departmentId=" + department, agent);
        assertThat(listed.status()).as(listed.raw()).isEqualTo(200);
        assertThat(listed.body().path("items").findValuesAsString("id")).containsExactly(second, first);
        assertThat(listed.body().path("total").asLong()).isEqualTo(2);
    }

    String fileAt(String instant, String customerId) {
        clock.set(instant);
        return file(complaint(customerId, "L1", department), agent).text("id");
    }
}
