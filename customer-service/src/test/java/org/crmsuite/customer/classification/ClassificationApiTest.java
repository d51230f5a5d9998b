package org.crmsuite.customer.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.crmsuite.customer.jobs.CustomerMaintenance;
import org.crmsuite.customer.profile.Customer;
import org.crmsuite.customer.profile.Grade;
import org.crmsuite.customer.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** Classification (CU-4) and periodic review (CU-6) over HTTP, with a fixed clock. */
class ClassificationApiTest extends ApiTest {

    @Autowired
    CustomerMaintenance maintenance;

    @Test
    void promotionBreakingTheVipQuotaIsRefusedWithTheCounts_CU4() throws Exception {
        seedMany(EAST, "demo-sales-1", Grade.VIP, 3);
        List<Customer> qualified = seedMany(EAST, "demo-sales-1", Grade.QUALIFIED, 17);
        seedMany(SERVICE_DEPT, "demo-agent-1", Grade.QUALIFIED, 5);
        PUT("/api/v1/customers/" + qualified.get(0).getId() + "/grade", managerEast(),
                Map.of("grade", "VIP", "reason", "large contract signed"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("customer.grade-quota-exceeded"))
                .andExpect(jsonPath("$.quota").value("VIP"))
                .andExpect(jsonPath("$.limitPercent").value(15))
                .andExpect(jsonPath("$.departmentId").value(EAST))
                .andExpect(jsonPath("$.departmentCustomers").value(20))
                .andExpect(jsonPath("$.gradeCustomers").value(3))
                .andExpect(jsonPath("$.gradeCustomersAfter").value(4));
        assertThat(customers.get(qualified.get(0).getId()).getGrade()).isEqualTo(Grade.QUALIFIED);
    }

    @Test
    void promotionWithinTheQuotaIsRecordedWithWhoAndWhyAndRaisesAnEvent_CU4_CU6() throws Exception {
        seedMany(EAST, "demo-sales-1", Grade.VIP, 2);
        List<Customer> qualified = seedMany(EAST, "demo-sales-1", Grade.QUALIFIED, 18);
        String id = qualified.get(0).getId();
        PUT("/api/v1/customers/" + id + "/grade", managerEast(), Map.of("grade", "VIP", "reason", "3 years of punctual payment"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.grade").value("VIP")).andExpect(jsonPath("$.priority").value(1));
        Document event = outbox("customers", id).get(1);
        assertThat(event.getString("type")).isEqualTo("crm.customer.grade-changed.v1");
        assertThat(event.getString("routingKey")).isEqualTo("customer.customer.grade-changed");
        Document data = event.get("data", Document.class);
        assertThat(data.getString("from")).isEqualTo("QUALIFIED");
        assertThat(data.getString("to")).isEqualTo("VIP");
        assertThat(data.getString("reason")).isEqualTo("3 years of punctual payment");
        assertThat(data.getString("changedBy")).isEqualTo("demo-manager-east");
        JsonNode change = body(GET("/api/v1/customers/" + id + "/history", managerEast())).get("changes").get(0);
        assertThat(change.get("action").asString()).isEqualTo("grade-changed");
        assertThat(change.get("by").asString()).isEqualTo("demo-manager-east");
        assertThat(change.get("reason").asString()).isEqualTo("3 years of punctual payment");
    }

    @Test
    void promotionBreakingAProductLinesVipQuotaIsRefusedThoughTheDepartmentHasRoom_CU4() throws Exception {
        String valves = "valves-" + java.util.UUID.randomUUID();
        // the department has room (0 VIP of 10), the product line has none: 3 of its 20 customers are VIP already
        List<Customer> east = seedInProductLines(EAST, "demo-sales-1", Grade.QUALIFIED, 10, List.of(valves));
        seedInProductLines(SERVICE_DEPT, "demo-agent-1", Grade.VIP, 3, List.of(valves));
        seedInProductLines(SERVICE_DEPT, "demo-agent-1", Grade.QUALIFIED, 7, List.of(valves));

        PUT("/api/v1/customers/" + east.get(0).getId() + "/grade", director(), Map.of("grade", "VIP", "reason", "r"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("customer.grade-quota-exceeded"))
                .andExpect(jsonPath("$.scope").value("PRODUCT_LINE"))
                .andExpect(jsonPath("$.productLine").value(valves))
                .andExpect(jsonPath("$.scopeCustomers").value(20))
                .andExpect(jsonPath("$.gradeCustomers").value(3))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("product line " + valves)));
        assertThat(customers.get(east.get(0).getId()).getGrade()).isEqualTo(Grade.QUALIFIED);

        // a customer of the same department outside that product line is promoted: only its own lines count
        Customer other = seedInProductLines(EAST, "demo-sales-1", Grade.QUALIFIED, 1, List.of()).get(0);
        PUT("/api/v1/customers/" + other.getId() + "/grade", director(), Map.of("grade", "VIP", "reason", "r"))
                .andExpect(status().isOk());
    }

    @Test
    void aVipCustomerCannotJoinAProductLineWhoseVipQuotaIsFull_CU4() throws Exception {
        String fittings = "fittings-" + java.util.UUID.randomUUID();
        seedInProductLines(SERVICE_DEPT, "demo-agent-1", Grade.VIP, 1, List.of(fittings));
        seedInProductLines(SERVICE_DEPT, "demo-agent-1", Grade.QUALIFIED, 5, List.of(fittings));
        Customer vip = seedInProductLines(EAST, "demo-sales-1", Grade.VIP, 1, List.of()).get(0);
        JsonNode current = body(GET("/api/v1/customers/" + vip.getId(), director()));

        Map<String, Object> update = new java.util.LinkedHashMap<>();
        update.put("name", current.get("name").asString());
        update.put("registrationNumber", current.get("registrationNumber").asString());
        update.put("productLines", List.of(fittings));
        update.put("version", current.get("version").asLong());
        PUT("/api/v1/customers/" + vip.getId(), director(), update)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.scope").value("PRODUCT_LINE"))
                .andExpect(jsonPath("$.productLine").value(fittings));
        assertThat(customers.get(vip.getId()).getProductLines()).isEmpty();
    }

    @Test
    void preferredQuotaIsThirtyPercent_CU4() throws Exception {
        seedMany(EAST, "demo-sales-1", Grade.PREFERRED, 3);
        List<Customer> qualified = seedMany(EAST, "demo-sales-1", Grade.QUALIFIED, 7);
        PUT("/api/v1/customers/" + qualified.get(0).getId() + "/grade", director(), Map.of("grade", "PREFERRED", "reason", "r"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.quota").value("PREFERRED"))
                .andExpect(jsonPath("$.limitPercent").value(30)).andExpect(jsonPath("$.gradeCustomers").value(3))
                .andExpect(jsonPath("$.departmentCustomers").value(10));
        PUT("/api/v1/customers/" + qualified.get(1).getId() + "/grade", director(), Map.of("grade", "QUALIFIED", "reason", "same"))
                .andExpect(status().isOk());
    }

    @Test
    void onlyManagersAndAboveClassify_CU4() throws Exception {
        Customer c = seed(EAST, "demo-sales-1", Grade.QUALIFIED);
        PUT("/api/v1/customers/" + c.getId() + "/grade", sales("demo-sales-1"), Map.of("grade", "PREFERRED", "reason", "r"))
                .andExpect(status().isForbidden());
        PUT("/api/v1/customers/" + c.getId() + "/category", managerService(), Map.of("category", "KEY", "reason", "r"))
                .andExpect(status().isForbidden());
        PUT("/api/v1/customers/" + c.getId() + "/category", managerEast(), Map.of("category", "KEY", "reason", "strategic account"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.category").value("KEY"));
        assertThat(outboxTypes(c.getId())).contains("crm.customer.category-changed.v1");
        PUT("/api/v1/customers/" + c.getId() + "/category", managerEast(), Map.of("category", "KEY"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
    }

    @Test
    void monthlyVolumeMovesTheTierUpAndDown_CU4() throws Exception {
        Customer c = seed(EAST, "demo-sales-1", Grade.QUALIFIED);
        POST("/api/v1/customers/" + c.getId() + "/volumes", sales("demo-sales-1"), Map.of("month", "2026-01", "tonnes", 2500))
                .andExpect(status().isOk()).andExpect(jsonPath("$.tier").value("TWO_STAR"));
        POST("/api/v1/customers/" + c.getId() + "/volumes", finance(), Map.of("month", "2026-02", "tonnes", "999.5"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.tier").value("ORDINARY"));
        POST("/api/v1/customers/" + c.getId() + "/volumes", finance(), Map.of("month", "2026-13", "tonnes", 1))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("month"));
        List<Document> tierEvents = outbox("customers", c.getId()).stream()
                .filter(e -> e.getString("type").equals("crm.customer.tier-changed.v1")).toList();
        assertThat(tierEvents).extracting(e -> e.get("data", Document.class).getString("to")).containsExactly("TWO_STAR", "ORDINARY");
        assertThat(tierEvents.get(1).get("data", Document.class).getString("reason")).contains("999.5 t in 2026-02");
    }

    @Test
    void aProblemOnAVipStartsAFiveBusinessDayDowngradeDeadline_CU6() throws Exception {
        seedMany(EAST, "demo-sales-1", Grade.QUALIFIED, 9);
        Customer vip = seed(EAST, "demo-sales-1", Grade.VIP);
        // Monday 2 March 10:00; Sat/Sun 7-8 and the holiday Monday 9 March do not count: due Tuesday 10 March 10:00
        POST("/api/v1/customers/" + vip.getId() + "/problems", finance(),
                Map.of("kind", "PAYMENT_PUNCTUALITY", "description", "invoice 2026-017 paid 45 days late"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.downgradeDueAt").value("2026-03-10T02:00:00Z"));
        GET("/api/v1/customers/downgrades/due", managerEast()).andExpect(jsonPath("$.items[0].customerId").value(vip.getId()))
                .andExpect(jsonPath("$.items[0].overdue").value(false));

        clock.set(Instant.parse("2026-03-10T01:59:00Z"));
        assertThat(maintenance.runOnce().vipsDowngraded()).isZero();
        clock.set(Instant.parse("2026-03-10T02:00:00Z"));
        assertThat(maintenance.runOnce().vipsDowngraded()).isEqualTo(1);
        Customer after = customers.get(vip.getId());
        assertThat(after.getGrade()).isEqualTo(Grade.PREFERRED);
        assertThat(after.getDowngradeDueAt()).isNull();
        Document event = outbox("customers", vip.getId()).get(outbox("customers", vip.getId()).size() - 1);
        assertThat(event.getString("type")).isEqualTo("crm.customer.grade-changed.v1");
        assertThat(event.get("data", Document.class).getString("reason")).startsWith("CU-6");
    }

    @Test
    void reviewsAreDueEverySixMonthsAndAReviewSetsTheNextOne_CU6() throws Exception {
        Customer c = seed(EAST, "demo-sales-1", Grade.QUALIFIED);
        GET("/api/v1/customers/reviews/due", managerEast()).andExpect(jsonPath("$.totalItems").value(0));
        clock.advance(Duration.ofDays(181));
        GET("/api/v1/customers/reviews/due", managerEast()).andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].overdue").value(true));
        GET("/api/v1/customers/reviews/due", managerService()).andExpect(jsonPath("$.totalItems").value(0));
        POST("/api/v1/customers/" + c.getId() + "/reviews", managerEast(),
                Map.of("grade", "QUALIFIED", "reason", "contracts fulfilled, payments on time, volume flat"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.nextReviewAt").value("2027-02-28T02:00:00Z"));
        GET("/api/v1/customers/reviews/due", managerEast()).andExpect(jsonPath("$.totalItems").value(0));
        GET("/api/v1/customers/reviews/due", sales("demo-sales-1")).andExpect(status().isForbidden());
    }

    @Test
    void policyIsChangedAtRunTimeByAnAdministratorOnly() throws Exception {
        JsonNode current = body(GET("/api/v1/customers/policy", sales("demo-sales-1")).andExpect(status().isOk()));
        assertThat(current.get("policy").get("vipQuotaPercent").asInt()).isEqualTo(15);
        Map<String, Object> policy = json.convertValue(current.get("policy"), Map.class);
        policy.put("vipQuotaPercent", 50);
        PUT("/api/v1/customers/policy", managerEast(), Map.of("policy", policy, "version", 0)).andExpect(status().isForbidden());
        PUT("/api/v1/customers/policy", admin(), Map.of("policy", policy, "version", 0)).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
        PUT("/api/v1/customers/policy", admin(), Map.of("policy", policy, "version", 0)).andExpect(status().isConflict());
        seedMany(EAST, "demo-sales-1", Grade.QUALIFIED, 3);
        Customer c = seed(EAST, "demo-sales-1", Grade.QUALIFIED);
        PUT("/api/v1/customers/" + c.getId() + "/grade", managerEast(), Map.of("grade", "VIP", "reason", "r"))
                .andExpect(status().isOk());
        policy.put("vipQuotaPercent", 101);
        PUT("/api/v1/customers/policy", admin(), Map.of("policy", policy, "version", 1)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("policy.vipQuotaPercent"));
    }
}
