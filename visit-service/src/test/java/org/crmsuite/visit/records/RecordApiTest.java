package org.crmsuite.visit.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.crmsuite.visit.customers.Category;
import org.crmsuite.visit.customers.CustomerView;
import org.crmsuite.visit.customers.Grade;
import org.crmsuite.visit.plans.Plans;
import org.crmsuite.testsupport.Api;
import org.crmsuite.visit.support.ServiceTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;

/** VI-3 visit records filed through the API, with the VI-4 scored report, and the per-customer and per-manager scores. */
class RecordApiTest extends ServiceTestBase {

    @Autowired
    Plans plans;

    String department;
    CustomerView customer;
    String planId;

    @BeforeEach
    void customerWithPlans() {
        department = unique("d-east");
        customer = knownCustomer(department, "sales-1", Category.KEY, Grade.PREFERRED, "华东");
        plans.generate(customer);
        planId = openPlansOf(customer.getId()).get(0).getString("_id");
    }

    Map<String, Object> record(String customerId, String plan, String visitedAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", customerId);
        if (plan != null) {
            body.put("planId", plan);
        }
        body.put("mode", "ON_SITE");
        body.put("visitedAt", visitedAt);
        body.put("place", "客户工地 site office, Pudong");
        body.put("participants", List.of("sales-1", "采购经理 Zhang"));
        body.put("content", "Walked the site, reviewed the delivery plan for Q4.");
        body.put("customerFeedback", "Deliveries were late twice in August.");
        body.put("problemsSolved", List.of("Agreed a fixed delivery window"));
        body.put("nextSteps", List.of("Send the revised schedule by Friday"));
        body.put("report", Map.of("productQuality", "GOOD", "serviceAttitude", "poor", "productReputation", "EXCELLENT"));
        return body;
    }

    long records() {
        return mongo.count(new Query(), "visit_records");
    }

    @Test
    void aRecordCompletesItsPlanAndCarriesTheScoredReport_VI3_VI4() {
        Api.Response filed = api.post("/api/v1/visits", sales("sales-1", department),
                record(customer.getId(), planId, "2026-09-21T01:30:00Z"));
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        JsonNode report = filed.body().path("report");
        assertThat(report.path("productQuality").asInt()).isEqualTo(85);
        assertThat(report.path("serviceAttitude").asInt()).isEqualTo(30);
        assertThat(report.path("serviceAttitudeLabel").asString()).isEqualTo("POOR");
        assertThat(report.path("productReputation").asInt()).isEqualTo(100);
        assertThat(report.path("overall").asDouble()).isEqualTo(71.7);
        assertThat(filed.body().path("participants").size()).isEqualTo(2);
        assertThat(filed.body().path("visitedBy").asString()).isEqualTo("sales-1");

        Document plan = mongo.findById(planId, Document.class, "visit_plans");
        assertThat(plan.getString("status")).isEqualTo("COMPLETED");
        assertThat(plan.getString("recordId")).isEqualTo(filed.text("id"));
        Document completed = events("visit_plans", planId).stream()
                .filter(e -> e.getString("type").equals("crm.visit.plan-completed.v1")).findFirst().orElseThrow();
        assertThat(completed.get("data", Document.class)).containsEntry("onTime", true);
        Document recorded = events("visit_records", filed.text("id")).get(0);
        assertThat(recorded.getString("routingKey")).isEqualTo("visit.record.recorded");
        assertThat(recorded.get("data", Document.class)).containsEntry("mode", "ON_SITE").containsEntry("planId", planId);
        assertThat(recorded.get("data", Document.class).get("scores", Document.class)).containsEntry("serviceAttitude", 30)
                .containsEntry("average", 71.7);
        assertThat(customers.find(customer.getId()).orElseThrow().getLastVisitAt()).hasToString("2026-09-21T01:30:00Z");

        Api.Response again = api.post("/api/v1/visits", sales("sales-1", department),
                record(customer.getId(), planId, "2026-09-21T01:40:00Z"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("plan.closed");
    }

    @Test
    void phoneAndVideoVisitsAreRecordedTooWithoutAPlace_VI3() {
        Map<String, Object> phone = record(customer.getId(), null, "2026-09-20T08:00:00Z");
        phone.put("mode", "VIDEO");
        phone.remove("place");
        phone.remove("report");
        Api.Response filed = api.post("/api/v1/visits", sales("sales-1", department), phone);
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        assertThat(filed.body().path("report").isMissingNode() || filed.body().path("report").isNull()).isTrue();

        Map<String, Object> onSite = record(customer.getId(), null, "2026-09-20T08:00:00Z");
        onSite.remove("place");
        Api.Response refused = api.post("/api/v1/visits", sales("sales-1", department), onSite);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").get(0).path("field").asString()).isEqualTo("place");
    }

    @Test
    void aRecordForAPlanOfAnotherCustomerIsAConflictAndWritesNothing_VI3() {
        CustomerView other = knownCustomer(department, "sales-1", Category.GENERAL, Grade.QUALIFIED, "华东");
        long before = records();
        Api.Response refused = api.post("/api/v1/visits", sales("sales-1", department),
                record(other.getId(), planId, "2026-09-21T01:30:00Z"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("code")).isEqualTo("plan.other-customer");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(records()).isEqualTo(before);
        assertThat(mongo.findById(planId, Document.class, "visit_plans").getString("status")).isEqualTo("PLANNED");
    }

    @Test
    void aRecordDatedMoreThanADayAheadIsRefused_VI3() {
        long before = records();
        Api.Response refused = api.post("/api/v1/visits", sales("sales-1", department),
                record(customer.getId(), null, "2026-09-22T02:00:01Z"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").get(0).path("field").asString()).isEqualTo("visitedAt");
        assertThat(records()).isEqualTo(before);
        assertThat(api.post("/api/v1/visits", sales("sales-1", department),
                record(customer.getId(), null, "2026-09-22T01:00:00Z")).status()).isEqualTo(201);
    }

    @Test
    void unknownScaleLabelsAreRefusedWithTheAllowedLabels_VI4() {
        Map<String, Object> body = record(customer.getId(), planId, "2026-09-21T01:30:00Z");
        body.put("report", Map.of("productQuality", "SUPERB", "serviceAttitude", "TERRIBLE", "productReputation", "MEH"));
        long before = records();
        Api.Response refused = api.post("/api/v1/visits", sales("sales-1", department), body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("code")).isEqualTo("report.unknown-label");
        assertThat(refused.body().path("errors")).extracting(e -> e.path("field").asString())
                .containsExactly("report.productQuality", "report.productReputation");
        assertThat(refused.body().path("allowed").path("productQuality").toString())
                .isEqualTo("[\"EXCELLENT\",\"VERY_GOOD\",\"GOOD\",\"FAIR\",\"AVERAGE\",\"BELOW_AVERAGE\",\"POOR\"]");
        assertThat(records()).isEqualTo(before);
        assertThat(mongo.findById(planId, Document.class, "visit_plans").getString("status")).isEqualTo("PLANNED");
    }

    @Test
    void missingFieldsAreNamed() {
        Api.Response refused = api.post("/api/v1/visits", sales("sales-1", department), Map.of("customerId", customer.getId()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors")).extracting(e -> e.path("field").asString())
                .contains("mode", "visitedAt", "content");
    }

    @Test
    void onlyTheOwnerTheDepartmentsManagerAndManagementFileVisits() {
        Map<String, Object> body = record(customer.getId(), null, "2026-09-21T01:30:00Z");
        assertThat(api.post("/api/v1/visits", sales("sales-2", department), body).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/visits", manager("manager-west", unique("d-west")), body).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/visits", finance(), body).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/visits", manager("manager-east", department), body).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/visits", director(), body).status()).isEqualTo(201);
        // the owner sees the records; another sales rep's list does not show them
        assertThat(api.get("/api/v1/visits?customerId=" + customer.getId(), sales("sales-1", department)).body()
                .path("totalItems").asLong()).isEqualTo(2);
        assertThat(api.get("/api/v1/visits?customerId=" + customer.getId(), sales("sales-2", department)).body()
                .path("totalItems").asLong()).isZero();
        assertThat(api.get("/api/v1/visits?ownerId=sales-1", sales("sales-2", department)).status()).isEqualTo(403);
    }

    @Test
    void aRepeatedPostWithTheSameIdempotencyKeyReturnsTheFirstRecord() {
        Map<String, Object> body = record(customer.getId(), planId, "2026-09-21T01:30:00Z");
        Api.Response first = api.post("/api/v1/visits", sales("sales-1", department), body, Map.of("Idempotency-Key", "k-1"));
        Api.Response repeat = api.post("/api/v1/visits", sales("sales-1", department), body, Map.of("Idempotency-Key", "k-1"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(repeat.text("id")).isEqualTo(first.text("id"));
        assertThat(mongo.count(Query.query(Criteria.where("customerId").is(customer.getId())), "visit_records")).isEqualTo(1);
    }

    @Test
    void scoresAreAveragedPerCustomerAndPerManagerWithTheirQuarterlyTrend_VI4() {
        String token = sales("sales-1", department);
        clock.set("2026-06-15T02:00:00Z");
        Map<String, Object> june = record(customer.getId(), null, "2026-06-15T01:00:00Z");
        june.put("report", Map.of("productQuality", "EXCELLENT", "serviceAttitude", "EXCELLENT", "productReputation", "EXCELLENT"));
        assertThat(api.post("/api/v1/visits", token, june).status()).isEqualTo(201);
        clock.set(MONDAY_MORNING);
        assertThat(api.post("/api/v1/visits", token, record(customer.getId(), null, "2026-09-21T01:00:00Z")).status())
                .isEqualTo(201);

        Api.Response byCustomer = api.get("/api/v1/visits/reports/customers/" + customer.getId(), token);
        assertThat(byCustomer.status()).isEqualTo(200);
        JsonNode averages = byCustomer.body().path("averages");
        assertThat(averages.path("reports").asInt()).isEqualTo(2);
        assertThat(averages.path("productQuality").asDouble()).isEqualTo(92.5);
        assertThat(averages.path("serviceAttitude").asDouble()).isEqualTo(65.0);
        assertThat(byCustomer.body().path("trend")).extracting(p -> p.path("period").asString() + ":" + p.path("direction").asString(null))
                .containsExactly("2026-Q2:null", "2026-Q3:DOWN");

        Api.Response byManager = api.get("/api/v1/visits/reports/managers/sales-1", manager("manager-east", department));
        assertThat(byManager.status()).isEqualTo(200);
        assertThat(byManager.body().path("averages").path("reports").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(api.get("/api/v1/visits/reports/managers/sales-1", sales("sales-2", department)).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/visits/scales", token).body().path("serviceAttitude").size()).isEqualTo(8);
    }
}
