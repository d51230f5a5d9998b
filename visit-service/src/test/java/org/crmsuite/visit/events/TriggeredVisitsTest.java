package org.crmsuite.visit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.crmsuite.visit.customers.Category;
import org.crmsuite.visit.customers.CustomerView;
import org.crmsuite.visit.customers.Grade;
import org.crmsuite.visit.plans.Plans;
import org.crmsuite.visit.support.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * VI-6 triggered visits through the real broker: the new owner's return visit within 3 business days of an owner
 * change (CU-10) on the business calendar, and the revisit after a closed complaint (CO-8) for its handler.
 */
class TriggeredVisitsTest extends ServiceTestBase {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    Plans plans;

    List<Document> ofKind(String customerId, String kind) {
        return plansOf(customerId).stream().filter(p -> kind.equals(p.getString("kind"))).toList();
    }

    void ownerChanged(String eventId, String customerId, String from, String to, String reason, String at) {
        publish(eventId, "crm.customer.owner-changed.v1", "customer.customer.owner-changed", customerId, """
                {"customerId":"%s","departmentId":"d-east","fromOwnerId":"%s","toOwnerId":"%s","reason":"%s",
                 "changedBy":"customer-service","changedAt":"%s"}""".formatted(customerId, from, to, reason, at));
    }

    @Test
    void newOwnerVisitsWithinThreeBusinessDaysAcrossAHolidayAndAWeekend_VI6() {
        CustomerView customer = knownCustomer("d-east", "sales-leaver", Category.GENERAL, Grade.PREFERRED, "华东");
        plans.generate(customer);
        String eventId = UUID.randomUUID().toString();
        // Thursday 24 Sep 2026 10:00 Shanghai; Friday 25 is the Mid-Autumn holiday, then the weekend
        ownerChanged(eventId, customer.getId(), "sales-leaver", "sales-heir", "DEPARTURE", "2026-09-24T02:00:00Z");

        await().atMost(WAIT).until(() -> ofKind(customer.getId(), "OWNER_CHANGE").size() == 1);
        Document visit = ofKind(customer.getId(), "OWNER_CHANGE").get(0);
        assertThat(visit.getString("ownerId")).isEqualTo("sales-heir");
        // Monday 28, Tuesday 29, Wednesday 30: due Wednesday 30 Sep 18:00 Shanghai
        assertThat(visit.getDate("dueBy").toInstant()).isEqualTo(Instant.parse("2026-09-30T10:00:00Z"));
        Document scheduled = events("visit_plans", visit.getString("_id")).get(0);
        assertThat(scheduled.getString("routingKey")).isEqualTo("visit.plan.scheduled");
        assertThat(scheduled.get("data", Document.class)).containsEntry("kind", "OWNER_CHANGE")
                .containsEntry("ownerId", "sales-heir");

        // the customer view queue moves the cadence plans to the new owner too (VI-2)
        await().atMost(WAIT).until(() -> ofKind(customer.getId(), "CADENCE").stream()
                .filter(p -> "PLANNED".equals(p.getString("status")) && "sales-heir".equals(p.getString("ownerId")))
                .count() == 12);
        assertThat(ofKind(customer.getId(), "CADENCE").stream().filter(p -> "PLANNED".equals(p.getString("status"))))
                .allSatisfy(p -> assertThat(p.getString("ownerId")).isEqualTo("sales-heir"));

        // redelivered: still one return visit
        ownerChanged(eventId, customer.getId(), "sales-leaver", "sales-heir", "DEPARTURE", "2026-09-24T02:00:00Z");
        String marker = unique("marker");
        CustomerView other = knownCustomer("d-east", "sales-1", Category.GENERAL, Grade.QUALIFIED, "华东");
        ownerChanged(UUID.randomUUID().toString(), other.getId(), "sales-1", marker, "REASSIGNED", "2026-09-24T03:00:00Z");
        await().atMost(WAIT).until(() -> ofKind(other.getId(), "OWNER_CHANGE").size() == 1);
        assertThat(ofKind(customer.getId(), "OWNER_CHANGE")).hasSize(1);
    }

    @Test
    void anOwnerChangeBeforeTheNationalDayWeekIsDueOnTheMakeUpSaturday_VI6() {
        CustomerView customer = knownCustomer("d-east", "sales-1", Category.KEY, Grade.QUALIFIED, "华东");
        // Wednesday 30 Sep; 1-7 Oct holidays and weekend, Thu 8 and Fri 9 work, Saturday 10 is a make-up working day
        ownerChanged(UUID.randomUUID().toString(), customer.getId(), "sales-1", "sales-2", "REASSIGNED", "2026-09-30T06:00:00Z");
        await().atMost(WAIT).until(() -> ofKind(customer.getId(), "OWNER_CHANGE").size() == 1);
        assertThat(ofKind(customer.getId(), "OWNER_CHANGE").get(0).getDate("dueBy").toInstant())
                .isEqualTo(Instant.parse("2026-10-10T10:00:00Z"));
    }

    @Test
    void aBlacklistedCustomerGetsNoReturnVisit_CU7_VI6() {
        CustomerView customer = knownCustomer("d-east", "sales-1", Category.KEY, Grade.VIP, "华东");
        customer.setBlacklist(List.of(new CustomerView.BlacklistEntry("bl-9", "COMPANY", null)));
        mongo.save(customer);
        ownerChanged(UUID.randomUUID().toString(), customer.getId(), "sales-1", "sales-2", "DEPARTURE", "2026-09-21T02:00:00Z");
        await().atMost(WAIT).until(() -> "sales-2".equals(customers.find(customer.getId()).orElseThrow().getOwnerId()));
        // the owner-change queue has had the same event: a marker on it shows it was handled
        CustomerView marker = knownCustomer("d-east", "sales-1", Category.KEY, Grade.QUALIFIED, "华东");
        ownerChanged(UUID.randomUUID().toString(), marker.getId(), "sales-1", "sales-3", "DEPARTURE", "2026-09-21T02:00:00Z");
        await().atMost(WAIT).until(() -> ofKind(marker.getId(), "OWNER_CHANGE").size() == 1);
        assertThat(plansOf(customer.getId())).isEmpty();
    }

    @Test
    void aClosedComplaintGivesItsHandlerARevisitOnce_VI6() {
        CustomerView customer = knownCustomer("d-east", "sales-1", Category.GENERAL, Grade.VIP, "华东");
        String eventId = UUID.randomUUID().toString();
        String closed = """
                {"complaintId":"cmp-77","customerId":"%s","level":"L2","rating":2,"customerUnreachable":false,
                 "handlerId":"manager-east","closedAt":"2026-09-24T02:00:00Z","newField":"tolerated"}"""
                .formatted(customer.getId());
        publish(eventId, "crm.complaint.closed.v1", "complaint.case.closed", "cmp-77", closed);
        await().atMost(WAIT).until(() -> ofKind(customer.getId(), "REVISIT").size() == 1);
        Document revisit = ofKind(customer.getId(), "REVISIT").get(0);
        assertThat(revisit.getString("ownerId")).isEqualTo("manager-east");
        assertThat(revisit.getString("complaintId")).isEqualTo("cmp-77");
        assertThat(revisit.getList("participants", String.class)).containsExactly("manager-east", "sales-1");
        assertThat(revisit.getDate("dueBy").toInstant()).isEqualTo(Instant.parse("2026-09-30T10:00:00Z"));
        assertThat(revisit.getInteger("priority")).isEqualTo(1);

        publish(eventId, "crm.complaint.closed.v1", "complaint.case.closed", "cmp-77", closed);
        CustomerView marker = knownCustomer("d-east", "sales-1", Category.GENERAL, Grade.QUALIFIED, "华东");
        publish(UUID.randomUUID().toString(), "crm.complaint.closed.v1", "complaint.case.closed", "cmp-78", """
                {"complaintId":"cmp-78","customerId":"%s","level":"L1","rating":1,"customerUnreachable":false,
                 "handlerId":"agent-1","closedAt":"2026-09-24T03:00:00Z"}""".formatted(marker.getId()));
        await().atMost(WAIT).until(() -> ofKind(marker.getId(), "REVISIT").size() == 1);
        assertThat(ofKind(customer.getId(), "REVISIT")).hasSize(1);
    }
}
