package org.crmsuite.visit.plans;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.crmsuite.visit.customers.Category;
import org.crmsuite.visit.customers.CustomerView;
import org.crmsuite.visit.customers.Grade;
import org.crmsuite.testsupport.Api;
import org.crmsuite.visit.support.ServiceTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** VI-2 plans through the API: purpose, time, place, participants, itinerary; rescheduling with a reason. */
class PlanApiTest extends ServiceTestBase {

    @Autowired
    Plans plans;

    String department;
    CustomerView customer;

    @BeforeEach
    void customer() {
        department = unique("d-plan");
        customer = knownCustomer(department, "sales-1", Category.GENERAL, Grade.PREFERRED, "华东");
    }

    Map<String, Object> plan() {
        return Map.of("customerId", customer.getId(), "purpose", "Present the 2027 price list",
                "plannedAt", "2026-09-28T02:00:00Z", "place", "客户总部 head office",
                "participants", List.of("sales-1", "技术支持 tech support"),
                "itinerary", List.of(Map.of("at", "2026-09-28T02:00:00Z", "place", "head office", "activity", "meeting"),
                        Map.of("at", "2026-09-28T05:30:00Z", "place", "plant 2", "activity", "site walk")),
                "contact", Map.of("name", "王总", "phone", "13900000001", "email", "wang@example.com"));
    }

    @Test
    void aPlanHasPurposeTimePlaceParticipantsAndItineraryAndIsRescheduledWithAReason_VI2() {
        Api.Response created = api.post("/api/v1/visit-plans", sales("sales-1", department), plan());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.text("kind")).isEqualTo("MANUAL");
        assertThat(created.body().path("itinerary").size()).isEqualTo(2);
        assertThat(created.text("dueBy")).isEqualTo("2026-09-28T10:00:00Z");
        Document scheduled = events("visit_plans", id).get(0);
        assertThat(scheduled.get("data", Document.class)).containsEntry("contactPhone", "13900000001")
                .containsEntry("place", "客户总部 head office").containsEntry("kind", "MANUAL");

        Api.Response noReason = api.post("/api/v1/visit-plans/" + id + "/reschedule", sales("sales-1", department),
                Map.of("plannedAt", "2026-09-29T02:00:00Z"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().path("errors").get(0).path("field").asString()).isEqualTo("reason");
        Api.Response past = api.post("/api/v1/visit-plans/" + id + "/reschedule", sales("sales-1", department),
                Map.of("plannedAt", "2026-09-20T02:00:00Z", "reason", "customer busy"));
        assertThat(past.status()).isEqualTo(400);

        Api.Response moved = api.post("/api/v1/visit-plans/" + id + "/reschedule", sales("sales-1", department),
                Map.of("plannedAt", "2026-09-29T06:00:00Z", "reason", "王总 travels on Monday", "version", 0));
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        assertThat(moved.body().path("reschedules").get(0).path("reason").asString()).isEqualTo("王总 travels on Monday");
        Document rescheduled = events("visit_plans", id).get(1);
        assertThat(rescheduled.getString("routingKey")).isEqualTo("visit.plan.rescheduled");
        assertThat(rescheduled.get("data", Document.class)).containsEntry("reason", "王总 travels on Monday")
                .containsEntry("rescheduledBy", "sales-1");
        assertThat(rescheduled.get("data", Document.class).getString("previousPlannedAt")).isEqualTo("2026-09-28T02:00:00Z");
        // a stale version is refused
        assertThat(api.post("/api/v1/visit-plans/" + id + "/reschedule", sales("sales-1", department),
                Map.of("plannedAt", "2026-09-30T06:00:00Z", "reason", "again", "version", 0)).status()).isEqualTo(409);

        assertThat(api.get("/api/v1/visit-plans/" + id, sales("sales-2", department)).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/visit-plans/" + id, manager("manager-1", department)).status()).isEqualTo(200);
    }

    @Test
    void aRepeatedPostWithTheSameIdempotencyKeyReturnsTheFirstPlan() {
        Api.Response first = api.post("/api/v1/visit-plans", sales("sales-1", department), plan(), Map.of("Idempotency-Key", "p-1"));
        Api.Response repeat = api.post("/api/v1/visit-plans", sales("sales-1", department), plan(), Map.of("Idempotency-Key", "p-1"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(repeat.text("id")).isEqualTo(first.text("id"));
        assertThat(plansOf(customer.getId())).hasSize(1);
    }

    @Test
    void onlyAManagerWithdrawsAPlanTheRulesMade_VI1() {
        plans.generate(customer);
        String cadencePlan = openPlansOf(customer.getId()).get(0).getString("_id");
        Map<String, Object> reason = Map.of("reason", "customer moved the meeting to the trade fair");
        assertThat(api.post("/api/v1/visit-plans/" + cadencePlan + "/cancel", sales("sales-1", department), reason).status())
                .isEqualTo(403);
        Api.Response withdrawn = api.post("/api/v1/visit-plans/" + cadencePlan + "/cancel", manager("m-1", department), reason);
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.text("status")).isEqualTo("CANCELLED");
        assertThat(api.post("/api/v1/visit-plans/" + cadencePlan + "/cancel", manager("m-1", department), reason).status())
                .isEqualTo(409);
    }

    @Test
    void aCustomersCadenceAndOpenPlansAreShown_VI1() {
        plans.generate(customer);
        Api.Response shown = api.get("/api/v1/visit-plans/customers/" + customer.getId(), sales("sales-1", department));
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body().path("cadences").get(0).path("months").asInt()).isEqualTo(1);
        assertThat(shown.body().path("openPlans").size()).isEqualTo(12);
        assertThat(shown.body().path("acceptsPlans").asBoolean()).isTrue();
        Api.Response list = api.get("/api/v1/visit-plans?customerId=" + customer.getId() + "&size=5", manager("m-1", department));
        assertThat(list.body().path("totalItems").asLong()).isEqualTo(12);
        assertThat(list.body().path("items").size()).isEqualTo(5);
        assertThat(api.get("/api/v1/visit-plans?size=500", manager("m-1", department)).status()).isEqualTo(400);
    }

    @Test
    void aCustomerUnknownHereIsAskedOfCustomerServiceAndItsAbsenceIsClear() {
        String missing = unique("missing");
        CUSTOMER_SERVICE.stubFor(get(urlPathEqualTo("/api/v1/customers/" + missing)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":404,\"code\":\"customer.not-found\"}")));
        Map<String, Object> body = new java.util.HashMap<>(plan());
        body.put("customerId", missing);
        Api.Response notFound = api.post("/api/v1/visit-plans", director(), body);
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.text("code")).isEqualTo("customer.not-found");

        String down = unique("down");
        CUSTOMER_SERVICE.stubFor(get(urlPathEqualTo("/api/v1/customers/" + down)).willReturn(aResponse().withStatus(503)));
        body.put("customerId", down);
        Api.Response unavailable = api.post("/api/v1/visit-plans", director(), body);
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.text("code")).isEqualTo("customer.unavailable");
        assertThat(plansOf(down)).isEmpty();
    }
}
