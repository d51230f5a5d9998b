package org.crmsuite.visit.events;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.crmsuite.platform.events.IdempotentConsumer;
import org.crmsuite.visit.customers.Category;
import org.crmsuite.visit.customers.CustomerView;
import org.crmsuite.visit.customers.Grade;
import org.crmsuite.visit.plans.PlanGenerationJob;
import org.crmsuite.visit.plans.Plans;
import org.crmsuite.testsupport.Api;
import org.crmsuite.visit.support.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The local customer view and the cadence plans, fed by customer-service's events through the machine's real RabbitMQ
 * (queue {@code visit-service.customer-view}), with customer-service itself (WireMock) asked only to back-fill.
 */
class CustomerEventsConsumerTest extends ServiceTestBase {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    Plans plans;
    @Autowired
    PlanGenerationJob planJob;

    @Test
    void createdEventMakesTheQuarterlyPlansOfAKeyCustomerForAYear_VI1_VI2() {
        String id = unique("key");
        customerServiceKnows(id, "d-east", "sales-1", "KEY", "QUALIFIED", "华东", null);
        publish(UUID.randomUUID().toString(), "crm.customer.created.v1", "customer.customer.created", id, """
                {"customerId":"%s","name":"华信钢铁","registrationNumber":"91310000000000001X","departmentId":"d-east",
                 "ownerId":"sales-1","category":"KEY","grade":"QUALIFIED","priority":3,"tier":"NEW","status":"ACTIVE",
                 "admissionId":null,"createdBy":"sales-1"}""".formatted(id));

        await().atMost(WAIT).until(() -> openPlansOf(id).size() == 4);
        List<Document> open = openPlansOf(id);
        // quarterly from Monday 21 Sep 2026; 21 Mar 2027 is a Sunday, so that visit is due the Friday before
        assertThat(open).extracting(p -> p.getDate("dueBy").toInstant()).containsExactly(
                Instant.parse("2026-12-21T10:00:00Z"), Instant.parse("2027-03-19T10:00:00Z"),
                Instant.parse("2027-06-21T10:00:00Z"), Instant.parse("2027-09-21T10:00:00Z"));
        assertThat(open).allSatisfy(p -> {
            assertThat(p.getString("kind")).isEqualTo("CADENCE");
            assertThat(p.getString("ownerId")).isEqualTo("sales-1");
            assertThat(p.getInteger("cadenceMonths")).isEqualTo(3);
            assertThat(p.getString("purpose")).contains("VI-1 key customer");
        });
        Document scheduled = events("visit_plans", open.get(0).getString("_id")).get(0);
        assertThat(scheduled.getString("type")).isEqualTo("crm.visit.plan-scheduled.v1");
        assertThat(scheduled.getString("routingKey")).isEqualTo("visit.plan.scheduled");
        assertThat(scheduled.get("data", Document.class)).containsEntry("customerName", "华信钢铁 Huaxin Steel " + id)
                .containsEntry("kind", "CADENCE").containsEntry("departmentId", "d-east");
        // the region (and the current name) came from customer-service (the created event has no region), asked with
        // this service's token
        CUSTOMER_SERVICE.verify(getRequestedFor(urlPathEqualTo("/api/v1/customers/" + id))
                .withHeader("Authorization", equalTo("Bearer visit-service-token")));
        assertThat(customers.find(id).orElseThrow().getRegion()).isEqualTo("华东");
    }

    @Test
    void gradeChangeRegeneratesFuturePlansOnceEvenWhenRedelivered_VI2() {
        CustomerView customer = knownCustomer("d-east", "sales-1", Category.GENERAL, Grade.QUALIFIED, "华东");
        plans.generate(customer);
        List<Document> before = openPlansOf(customer.getId());
        assertThat(before).hasSize(2).allSatisfy(p -> assertThat(p.getInteger("cadenceMonths")).isEqualTo(6));
        // a visit done today completes the first plan: a past record that regeneration must leave alone
        Api.Response filed = api.post("/api/v1/visits", sales("sales-1", "d-east"), Map.of("customerId", customer.getId(),
                "planId", before.get(0).getString("_id"), "mode", "PHONE", "visitedAt", "2026-09-21T01:00:00Z",
                "content", "Quarterly call"));
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);

        String eventId = UUID.randomUUID().toString();
        String gradeChanged = """
                {"customerId":"%s","departmentId":"d-east","from":"QUALIFIED","to":"VIP","reason":"CU-6 review",
                 "changedBy":"manager-1","changedAt":"2026-09-21T02:30:00Z","priority":1}""".formatted(customer.getId());
        publish(eventId, "crm.customer.grade-changed.v1", "customer.customer.grade-changed", customer.getId(), gradeChanged);
        // the plans are written one by one: wait for all 13 of the new generation
        await().atMost(WAIT).until(() -> openPlansOf(customer.getId()).size() == 13);

        List<Document> after = openPlansOf(customer.getId());
        // VIP: monthly for a year (12) plus senior management's yearly visit (VI-1 A-class)
        assertThat(after.stream().filter(p -> "REGULAR".equals(p.getString("track")))).hasSize(12)
                .allSatisfy(p -> assertThat(p.getInteger("priority")).isEqualTo(1));
        assertThat(after.stream().filter(p -> "SENIOR_MANAGEMENT".equals(p.getString("track")))).hasSize(1);
        Document stillDone = mongo.findById(before.get(0).getString("_id"), Document.class, "visit_plans");
        assertThat(stillDone.getString("status")).isEqualTo("COMPLETED");
        Document superseded = mongo.findById(before.get(1).getString("_id"), Document.class, "visit_plans");
        assertThat(superseded.getString("status")).isEqualTo("CANCELLED");
        assertThat(superseded.getString("cancelReason")).isEqualTo("REGENERATED");
        assertThat(eventTypes("visit_plans", superseded.getString("_id"))).contains("crm.visit.plan-cancelled.v1");

        // the broker delivers the same event again, then a later one: the redelivery changes nothing
        publish(eventId, "crm.customer.grade-changed.v1", "customer.customer.grade-changed", customer.getId(), gradeChanged);
        publish(UUID.randomUUID().toString(), "crm.customer.tier-changed.v1", "customer.customer.tier-changed",
                customer.getId(), """
                {"customerId":"%s","departmentId":"d-east","from":"NEW","to":"ONE_STAR","reason":"CU-4","changedBy":"system",
                 "changedAt":"2026-09-21T03:00:00Z"}""".formatted(customer.getId()));
        await().atMost(WAIT).until(() -> "ONE_STAR".equals(customers.find(customer.getId()).orElseThrow().getTier()));
        assertThat(plansOf(customer.getId())).hasSize(before.size() + 13);
        assertThat(customers.find(customer.getId()).orElseThrow().getPlanGeneration()).isEqualTo(1);
        assertThat(mongo.count(Query.query(Criteria.where("eventId").is(eventId)), IdempotentConsumer.COLLECTION)).isEqualTo(1);
    }

    @Test
    void aBlacklistedCustomerGetsNoPlanAndLosesItsOpenOnes_CU7() {
        String id = unique("black");
        customerServiceKnows(id, "d-east", "sales-1", "KEY", "VIP", "华东",
                "[{\"entryId\":\"bl-1\",\"scope\":\"DEPARTMENT\",\"departmentId\":\"d-east\",\"state\":\"ACTIVE\"}]");
        publish(UUID.randomUUID().toString(), "crm.customer.created.v1", "customer.customer.created", id, """
                {"customerId":"%s","name":"黑名单客户","departmentId":"d-east","ownerId":"sales-1","category":"KEY",
                 "grade":"VIP","priority":1,"tier":"NEW","status":"ACTIVE"}""".formatted(id));
        await().atMost(WAIT).until(() -> customers.find(id).map(v -> v.getRegion() != null).orElse(false));
        assertThat(customers.find(id).orElseThrow().isBlacklisted()).isTrue();
        assertThat(plansOf(id)).isEmpty();
        Api.Response manual = api.post("/api/v1/visit-plans", sales("sales-1", "d-east"), Map.of("customerId", id,
                "purpose", "Talk about the unpaid deliveries", "plannedAt", "2026-09-28T02:00:00Z"));
        assertThat(manual.status()).isEqualTo(409);
        assertThat(manual.text("code")).isEqualTo("customer.blacklisted");

        CustomerView withPlans = knownCustomer("d-east", "sales-2", Category.KEY, Grade.QUALIFIED, "华东");
        plans.generate(withPlans);
        assertThat(openPlansOf(withPlans.getId())).hasSize(4);
        publish(UUID.randomUUID().toString(), "crm.customer.blacklisted.v1", "customer.customer.blacklisted",
                withPlans.getId(), """
                {"customerId":"%s","entryId":"bl-2","scope":"COMPANY","departmentId":null,
                 "reason":"FALSE_INFORMATION_OR_FRAUD","expiresAt":"2027-03-21T02:00:00Z","blacklistedBy":"gm-1"}"""
                        .formatted(withPlans.getId()));
        await().atMost(WAIT).until(() -> openPlansOf(withPlans.getId()).isEmpty());
        assertThat(plansOf(withPlans.getId())).allSatisfy(p -> assertThat(p.getString("cancelReason")).isEqualTo("BLACKLISTED"));

        // lifted: business resumes and the plans are made again
        publish(UUID.randomUUID().toString(), "crm.customer.blacklist-lifted.v1", "customer.customer.blacklist-lifted",
                withPlans.getId(), """
                {"customerId":"%s","entryId":"bl-2","scope":"COMPANY","departmentId":null,"cause":"LIFTED",
                 "reason":"cleared","liftedBy":"gm-1","liftedAt":"2026-09-21T04:00:00Z"}""".formatted(withPlans.getId()));
        await().atMost(WAIT).until(() -> openPlansOf(withPlans.getId()).size() == 4);
    }

    @Test
    void anUnknownCustomerIsBackFilledFromCustomerService() {
        String id = unique("unknown");
        customerServiceKnows(id, "d-south", "sales-9", "POTENTIAL", "QUALIFIED", "华南", null);
        publish(UUID.randomUUID().toString(), "crm.customer.category-changed.v1", "customer.customer.category-changed", id, """
                {"customerId":"%s","departmentId":"d-south","from":"GENERAL","to":"POTENTIAL","reason":"review",
                 "changedBy":"manager-1","changedAt":"2026-09-20T02:00:00Z"}""".formatted(id));
        await().atMost(WAIT).until(() -> openPlansOf(id).size() == 2);
        CustomerView view = customers.find(id).orElseThrow();
        assertThat(view.getSource()).isEqualTo("BACKFILL");
        assertThat(view.getName()).contains("Huaxin");
        // potential would be yearly, but an out-of-town partner is visited at least half-yearly (VI-1)
        assertThat(openPlansOf(id)).hasSize(2).allSatisfy(p -> assertThat(p.getInteger("cadenceMonths")).isEqualTo(6));
    }

    @Test
    void whileCustomerServiceIsDownTheViewStaysPartialAndThePlanJobBackFillsItLater() {
        String id = unique("later");
        CUSTOMER_SERVICE.stubFor(get(urlPathEqualTo("/api/v1/customers/" + id)).willReturn(aResponse().withStatus(503)));
        publish(UUID.randomUUID().toString(), "crm.customer.suspended.v1", "customer.customer.suspended", id, """
                {"customerId":"%s","departmentId":"d-east","reason":"DOCUMENT_EXPIRED","documentTypes":["TAX_REGISTRATION"],
                 "suspendedAt":"2026-09-21T01:00:00Z"}""".formatted(id));
        await().atMost(WAIT).until(() -> customers.find(id).map(v -> "SUSPENDED".equals(v.getStatus())).orElse(false));
        CustomerView partial = customers.find(id).orElseThrow();
        assertThat(partial.isComplete()).isFalse();
        assertThat(partial.getStatus()).isEqualTo("SUSPENDED");
        assertThat(plansOf(id)).isEmpty();

        customerServiceKnows(id, "d-east", "sales-1", "GENERAL", "PREFERRED", "华东", null);
        assertThat(planJob.runOnce().backfilled()).isGreaterThanOrEqualTo(1);
        CustomerView filled = customers.find(id).orElseThrow();
        assertThat(filled.isComplete()).isTrue();
        assertThat(filled.getGrade()).isEqualTo(Grade.PREFERRED);
        assertThat(openPlansOf(id)).hasSize(12);
    }

    @Test
    void aMessageThatIsNotAnEventGoesToTheDeadLetterQueue() {
        long before = BROKER.depth(CUSTOMER_VIEW_QUEUE + ".dlq");
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(UUID.randomUUID().toString());
        BROKER.template().send(BROKER.exchange, "customer.customer.created",
                new Message("not json".getBytes(StandardCharsets.UTF_8), properties));
        await().atMost(WAIT).until(() -> BROKER.depth(CUSTOMER_VIEW_QUEUE + ".dlq") == before + 1);
    }
}
