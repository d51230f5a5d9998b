package org.crmsuite.complaint.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.crmsuite.testsupport.Api;
import org.crmsuite.complaint.support.ServiceTestBase;
import org.crmsuite.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/** Who sees and handles which case (README "Roles and endpoints"), from the caller's roles, id and department. */
class CaseAuthorizationTest extends ServiceTestBase {

    final String department = uniqueDepartment();
    final String otherDepartment = uniqueDepartment();
    final String agent = agent("staff-agent-1", department);

    @Test
    void anAgentSeesTheAgentTierOfItsDepartmentOnly() {
        String l1 = file(complaint("qual-a1", "L1", department), agent).text("id");
        String l2 = file(complaint("qual-a2", "L2", department), agent).text("id");
        assertThat(api.get("/api/v1/complaints/" + l1, agent).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/complaints/" + l2, agent).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/complaints/" + l1, agent("staff-agent-9", otherDepartment)).status()).isEqualTo(403);
        Api.Response listed = api.get("/api/v1/complaints?open=true", agent);
        assertThat(listed.body().path("items").findValuesAsString("id")).contains(l1).doesNotContain(l2);
        // another department's agent cannot move it either
        assertThat(move(l1, "ACKNOWLEDGED", agent("staff-agent-9", otherDepartment)).status()).isEqualTo(403);
    }

    @Test
    void aManagerSeesItsDepartmentButDoesNotHandleTheDirectorTier() {
        String manager = manager("staff-manager-1", department);
        String l3 = file(complaint("qual-m3", "L3", department), agent).text("id");
        assertThat(api.get("/api/v1/complaints/" + l3, manager).status()).isEqualTo(200);
        assertThat(move(l3, "ACKNOWLEDGED", manager).status()).isEqualTo(403);
        // any director handles L3 cases, whatever its department
        assertThat(move(l3, "ACKNOWLEDGED", director("staff-director-2", otherDepartment)).status()).isEqualTo(200);
    }

    @Test
    void aPartnerFilesThroughItsChannelAndReadsOnlyItsOwnFilingsInAReducedView() {
        String partner = partner("partner-shop-1");
        Map<String, Object> body = new LinkedHashMap<>(complaint(null, "L1", null));
        Api.Response wrongChannel = api.post("/api/v1/complaints", partner, body);
        assertThat(wrongChannel.status()).isEqualTo(400);
        assertThat(wrongChannel.raw()).contains("PARTNER_SYSTEM");

        body.put("channel", "PARTNER_SYSTEM");
        Api.Response filed = file(body, partner);
        assertThat(filed.text("departmentId")).isEqualTo("dept-customer-service"); // crm.complaint.default-department
        String id = filed.text("id");

        Api.Response own = api.get("/api/v1/complaints/" + id, partner);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.text("state")).isEqualTo("RECEIVED");
        assertThat(own.body().has("history")).isFalse();
        assertThat(own.body().has("contact")).isFalse();
        assertThat(own.text("resolveDueAt")).isNotBlank();
        assertThat(api.get("/api/v1/complaints/" + id, partner("partner-shop-2")).status()).isEqualTo(404);
        assertThat(move(id, "ACKNOWLEDGED", partner).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/complaints", partner).body().path("items").findValuesAsString("id")).containsExactly(id);
    }

    @Test
    void rolesWithoutComplaintWorkAreRefused() {
        String id = file(complaint("qual-r", "L1", department), agent).text("id");
        assertThat(api.get("/api/v1/complaints/" + id, dispatcher("staff-dispatcher-1", department)).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/complaints/queue", TestTokens.bearer("staff-finance-1", department, "FINANCE")).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/complaints/" + id, TestTokens.bearer("visit-service", null, "SERVICE")).status()).isEqualTo(200);
    }

    @Test
    void onlyAnAdministratorChangesThePolicy() {
        Api.Response policy = api.get("/api/v1/complaints/policy", agent);
        assertThat(policy.status()).isEqualTo(200);
        assertThat(policy.body().path("policy").path("warnAtPercent").asInt()).isEqualTo(75);
        assertThat(policy.body().path("policy").path("resolveBusinessDays").path("l3").asInt()).isEqualTo(3);
        Map<String, Object> update = Map.of("policy", Api.JSON.convertValue(policy.body().path("policy"), Map.class),
                "version", policy.body().path("version").asLong());
        assertThat(api.put("/api/v1/complaints/policy", agent, update).status()).isEqualTo(403);
    }
}
