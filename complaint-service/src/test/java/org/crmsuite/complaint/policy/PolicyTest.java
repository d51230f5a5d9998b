package org.crmsuite.complaint.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.crmsuite.testsupport.Api;
import org.crmsuite.complaint.support.ServiceTestBase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Policy values are changed at run time by an administrator and apply at once (DOMAIN.md "policy"). */
class PolicyTest extends ServiceTestBase {

    @Test
    @DisplayName("CO-5 policy: with SAME_TIME a business-day deadline keeps the clock time of receipt")
    void anAdministratorSwitchesDeadlinesToTheSameClockTimeAndBack() {
        String department = uniqueDepartment();
        Api.Response current = api.get("/api/v1/complaints/policy", admin());
        @SuppressWarnings("unchecked")
        Map<String, Object> policy = Api.JSON.convertValue(current.body().path("policy"), Map.class);
        long version = current.body().path("version").asLong();
        Map<String, Object> sameTime = new java.util.LinkedHashMap<>(policy);
        sameTime.put("dayEnd", "SAME_TIME");
        Api.Response changed = api.put("/api/v1/complaints/policy", admin(), Map.of("policy", sameTime, "version", version));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        try {
            assertThat(api.put("/api/v1/complaints/policy", admin(), Map.of("policy", sameTime, "version", version)).status())
                    .isEqualTo(409); // stale version
            clock.set("2026-10-12T02:15:00Z"); // Mon 10:15
            Api.Response filed = file(complaint("qual-same-time", "L1", department), agent("staff-agent-1", department));
            assertThat(filed.text("acceptDueAt")).isEqualTo("2026-10-13T02:15:00Z"); // Tue 10:15
        } finally {
            long now = changed.body().path("version").asLong();
            assertThat(api.put("/api/v1/complaints/policy", admin(), Map.of("policy", policy, "version", now)).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void anInvalidPolicyIsRefusedWithTheFields() {
        Api.Response current = api.get("/api/v1/complaints/policy", admin());
        @SuppressWarnings("unchecked")
        Map<String, Object> policy = new java.util.LinkedHashMap<>(Api.JSON.convertValue(current.body().path("policy"), Map.class));
        policy.put("warnAtPercent", 120);
        policy.put("l3MaxBusinessDays", 2);
        Api.Response refused = api.put("/api/v1/complaints/policy", admin(),
                Map.of("policy", policy, "version", current.body().path("version").asLong()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").findValuesAsString("field")).contains("policy.warnAtPercent");
    }
}
