package org.crmsuite.complaint.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crmsuite.complaint.sla.SlaScheduler;
import org.crmsuite.testsupport.Api;
import org.crmsuite.complaint.support.ServiceTestBase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** CO-9 weekly and monthly summaries, counted by MongoDB aggregation over one department's complaints. */
class ReportTest extends ServiceTestBase {

    final String department = uniqueDepartment();
    final String agent = agent("staff-agent-1", department);
    final String manager = manager("staff-manager-1", department);
    final String director = director("staff-director-1", department);

    @Autowired
    SlaScheduler sla;

    @Test
    @DisplayName("CO-9: counts by category, level, channel and handler; on-time rate per deadline; ratings; recurring causes")
    void weeklyAndMonthlySummariesAddUp() {
        // Monday 12 Oct 2026 10:00
        String happy = file(body("PHONE", "DELIVERY", "qual-r1", "L1"), agent).text("id");
        String unhappy = file(body("EMAIL", "DELIVERY", "qual-r2", "L1"), agent).text("id");
        String unreachable = file(body("PHONE", "OTHER", null, "L1"), agent).text("id");
        String late = file(body("WEB_FORM", "PRODUCT_QUALITY", "pref-r3", "L2"), manager).text("id");
        String breached = file(body("SOCIAL_MEDIA", "PRODUCT_QUALITY", "vip-r4", "L3"), agent).text("id");
        String otherDepartment = uniqueDepartment();
        Map<String, Object> elsewhere = body("PHONE", "POLICY", "qual-other-dept", "L1");
        elsewhere.put("departmentId", otherDepartment);
        file(elsewhere, agent("staff-agent-7", otherDepartment));

        resolve(happy, "Late truck");
        resolve(unhappy, "late  TRUCK ");
        resolve(unreachable, "Customer misread the policy");
        assertThat(move(happy, "CLOSED", agent, Map.of("rating", 2)).text("state")).isEqualTo("CLOSED");
        assertThat(move(unhappy, "CLOSED", agent, Map.of("rating", 5)).text("state")).isEqualTo("ESCALATED");
        assertThat(move(unreachable, "CLOSED", agent, Map.of("customerUnreachable", true)).text("state")).isEqualTo("CLOSED");

        clock.set("2026-10-12T03:30:00Z"); // 11:30: half an hour after the acknowledge deadline
        assertThat(move(late, "ACKNOWLEDGED", manager, Map.of("note", "called back late", "cause", "Wrong batch")).status())
                .isEqualTo(200);
        sla.runOnce(); // the L3 case was never acknowledged: breached

        clock.set("2026-10-19T02:00:00Z"); // the next week: in the month, not in the week
        file(body("LETTER", "SERVICE_ATTITUDE", "qual-r6", "L1"), agent);

        Api.Response weekly = api.get("/api/v1/complaints/reports/summary?period=WEEK&date=2026-10-14&departmentId=" + department,
                director);
        assertThat(weekly.status()).as(weekly.raw()).isEqualTo(200);
        assertThat(weekly.text("firstDay")).isEqualTo("2026-10-12");
        assertThat(weekly.text("lastDay")).isEqualTo("2026-10-18");
        assertThat(weekly.text("from")).isEqualTo("2026-10-11T16:00:00Z"); // Monday 00:00 in Shanghai
        JsonNode summary = weekly.body().path("summary");
        assertThat(summary.path("total").asLong()).isEqualTo(5);
        assertThat(summary.path("open").asLong()).isEqualTo(3);
        assertThat(summary.path("closed").asLong()).isEqualTo(2);
        assertThat(counts(summary.path("byCategory"))).isEqualTo(Map.of("DELIVERY", 2L, "PRODUCT_QUALITY", 2L, "OTHER", 1L));
        assertThat(counts(summary.path("byLevel"))).isEqualTo(Map.of("L1", 2L, "L2", 2L, "L3", 1L)); // one escalated to L2
        assertThat(counts(summary.path("byChannel")))
                .isEqualTo(Map.of("PHONE", 2L, "EMAIL", 1L, "WEB_FORM", 1L, "SOCIAL_MEDIA", 1L));
        assertThat(counts(summary.path("byHandler"))).isEqualTo(Map.of("staff-agent-1", 2L, "(none)", 3L));

        JsonNode acknowledge = summary.path("onTime").path("ACKNOWLEDGE");
        assertThat(acknowledge.path("onTime").asLong()).isEqualTo(3);
        assertThat(acknowledge.path("late").asLong()).isEqualTo(2); // acknowledged late + breached
        assertThat(acknowledge.path("rate").asDouble()).isEqualTo(0.6);
        assertThat(summary.path("onTime").path("RESOLVE").path("rate").asDouble()).isEqualTo(1.0);
        assertThat(counts(summary.path("breachesByHandler"))).isEqualTo(Map.of("(none)", 1L));

        assertThat(counts(summary.path("ratings"))).isEqualTo(Map.of("2", 1L, "5", 1L, "UNREACHABLE", 1L));
        assertThat(summary.path("satisfiedShare").asDouble()).isEqualTo(0.5);
        JsonNode causes = summary.path("topCauses");
        assertThat(causes.get(0).path("cause").asString()).isEqualTo("Late truck");
        assertThat(causes.get(0).path("count").asLong()).isEqualTo(2);
        assertThat(causes.findValuesAsString("cause")).hasSize(3);

        Api.Response monthly = api.get("/api/v1/complaints/reports/summary?period=MONTH&date=2026-10-20", manager);
        assertThat(monthly.text("departmentId")).isEqualTo(department); // a manager sees its own department
        assertThat(monthly.body().path("summary").path("total").asLong()).isEqualTo(6);
        assertThat(monthly.text("firstDay")).isEqualTo("2026-10-01");
        assertThat(api.get("/api/v1/complaints/reports/summary", agent).status()).isEqualTo(403);
    }

    @Test
    void aManagersReportIsTheirOwnDepartmentsOnly_CO9() {
        String other = uniqueDepartment();
        assertThat(api.get("/api/v1/complaints/reports/summary?period=MONTH&departmentId=" + other, manager).status())
                .as("another department's report").isEqualTo(403);
        assertThat(api.get("/api/v1/complaints/reports/summary?period=MONTH",
                org.crmsuite.testsupport.TestTokens.bearer("staff-manager-nodept", null, "MANAGER")).status())
                .as("a manager's token without a department").isEqualTo(403);
        assertThat(api.get("/api/v1/work-orders/unfinished",
                org.crmsuite.testsupport.TestTokens.bearer("staff-dispatcher-nodept", null, "DISPATCHER")).status())
                .as("an end-of-day list without a department").isEqualTo(403);
        Api.Response own = api.get("/api/v1/complaints/reports/summary?period=MONTH", manager);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.text("departmentId")).isEqualTo(department);
    }

    void resolve(String id, String cause) {
        for (String state : List.of("ACKNOWLEDGED", "ACCEPTED", "INVESTIGATING")) {
            assertThat(move(id, state, agent).status()).isEqualTo(200);
        }
        assertThat(move(id, "SOLUTION_PROPOSED", agent, Map.of("note", "proposal", "cause", cause)).status()).isEqualTo(200);
        assertThat(move(id, "REPLIED", agent).status()).isEqualTo(200);
    }

    Map<String, Object> body(String channel, String category, String customerId, String level) {
        Map<String, Object> body = new LinkedHashMap<>(complaint(customerId, level, department));
        body.put("channel", channel);
        body.put("category", category);
        return body;
    }

    static Map<String, Long> counts(JsonNode node) {
        Map<String, Long> counts = new LinkedHashMap<>();
        node.properties().forEach(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }
}
