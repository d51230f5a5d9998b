package org.crmsuite.notification.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.crmsuite.testsupport.Api;
import org.crmsuite.notification.support.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.beans.factory.annotation.Autowired;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.amqp.core.MessageProperties;

/**
 * Events from the real broker become notifications (NO-1, NO-2) on e-mail (GreenMail), SMS (WireMock) and the inbox
 * (NO-4), once per event however often it is delivered, with every attempt logged and failures retried.
 */
class EventNotificationTest extends ServiceTestBase {

    @Autowired
    CircuitBreakerRegistry breakers;

    private Map<String, Object> assigned(String complaintId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("complaintId", complaintId);
        data.put("handlerId", "demo-agent-1");
        data.put("handlerTier", "AGENT");
        data.put("departmentId", "dept-customer-service");
        data.put("level", "L1");
        data.put("by", "demo-manager-service");
        data.put("resolveDueAt", "2026-11-30T10:00:00Z");
        return data;
    }

    @Test
    void newAssignmentReachesTheHandlersInboxAndMailboxOnceEvenWhenRedelivered_NO2_NO4() throws Exception {
        String eventId = newEventId();
        publish("crm.complaint.assigned.v1", "complaint.case.assigned", eventId, assigned("2026-C-000101"));
        awaitNotified(eventId);
        dispatcher.runOnce();

        MimeMessage[] mails = SMTP_PRIMARY.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("agent1@crm.local");
        assertThat(mails[0].getSubject()).isEqualTo("[CRM] 新投诉分配 2026-C-000101");
        assertThat((String) mails[0].getContent()).contains("周丽 Zhou Li，您好").contains("投诉 2026-C-000101（L1）已分配给您");

        Api.Response inbox = api.get("/api/v1/notifications/inbox", agent("demo-agent-1"));
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.body().path("items")).hasSize(1);
        assertThat(inbox.body().path("items").get(0).path("title").asString()).isEqualTo("新投诉分配 2026-C-000101");
        assertThat(api.get("/api/v1/notifications/inbox/unread-count", agent("demo-agent-1")).body().path("unread").asLong())
                .isEqualTo(1);
        // somebody else's inbox is empty, and they cannot mark this one read
        String itemId = inbox.body().path("items").get(0).path("id").asString();
        assertThat(api.get("/api/v1/notifications/inbox", agent("demo-agent-2")).body().path("items")).isEmpty();
        assertThat(api.post("/api/v1/notifications/inbox/" + itemId + "/read", agent("demo-agent-2"), "").status()).isEqualTo(404);
        assertThat(api.post("/api/v1/notifications/inbox/" + itemId + "/read", agent("demo-agent-1"), "").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/notifications/inbox/unread-count", agent("demo-agent-1")).body().path("unread").asLong())
                .isEqualTo(0);

        // NO-4 attempt log: channel, masked recipient, provider, status
        Delivery email = deliveries(eventId).stream().filter(d -> d.getChannel() == Channel.EMAIL).findFirst().orElseThrow();
        assertThat(email.getStatus()).isEqualTo(DeliveryStatus.SENT);
        assertThat(email.getLog()).singleElement().satisfies(a -> {
            assertThat(a.recipient()).isEqualTo("a***@crm.local");
            assertThat(a.provider()).isEqualTo("primary-smtp");
            assertThat(a.status()).isEqualTo("SENT");
        });

        // the broker delivers the same event again: nothing is sent twice
        publish("crm.complaint.assigned.v1", "complaint.case.assigned", eventId, assigned("2026-C-000101"));
        await().pollDelay(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> true);
        dispatcher.runOnce();
        assertThat(SMTP_PRIMARY.getReceivedMessages()).hasSize(1);
        assertThat(deliveries(eventId)).hasSize(2);
        assertThat(api.get("/api/v1/notifications/inbox", agent("demo-agent-1")).body().path("items")).hasSize(1);
    }

    @Test
    void resolvedComplaintAsksTheCustomerForARatingBySmsFallingOverToTheSecondProvider_NO1_NO4() throws Exception {
        PROVIDERS.stubFor(post(urlEqualTo("/sms/primary")).willReturn(aResponse().withStatus(503)));
        String eventId = newEventId();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("complaintId", "2026-C-000102");
        data.put("customerId", "demo-cust-huaxin");
        data.put("contactName", "王芳");
        data.put("contactPhone", "13800000001");
        data.put("contactEmail", "wang.fang@huaxin.example");
        data.put("level", "L1");
        data.put("handlerId", "demo-agent-1");
        data.put("resolvedAt", "2026-11-23T01:50:00Z");
        data.put("onTime", true);
        publish("crm.complaint.resolved.v1", "complaint.case.resolved", eventId, data);
        awaitNotified(eventId);
        dispatcher.runOnce();

        PROVIDERS.verify(postRequestedFor(urlEqualTo("/sms/secondary")).withHeader("X-Api-Key", equalTo("secondary-key"))
                .withRequestBody(matchingJsonPath("$.to", equalTo("13800000001")))
                .withRequestBody(matchingJsonPath("$.text", com.github.tomakehurst.wiremock.client.WireMock.containing(
                        "王芳您好，您的投诉（编号 2026-C-000102）已处理完毕。请回复 1-5"))));
        Delivery sms = deliveries(eventId).stream().filter(d -> d.getChannel() == Channel.SMS).findFirst().orElseThrow();
        assertThat(sms.getStatus()).isEqualTo(DeliveryStatus.SENT);
        assertThat(sms.getLog()).singleElement().satisfies(a -> {
            assertThat(a.provider()).isEqualTo("secondary-sms");
            assertThat(a.recipient()).isEqualTo("138****0001");
            assertThat(a.error()).contains("primary-sms: HTTP 503");
        });
        MimeMessage[] mails = SMTP_PRIMARY.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("wang.fang@huaxin.example");
    }

    @Test
    void whenBothSmsProvidersFailTheMessageIsRetriedWithBackoffAndLoggedEachTime_NO4() {
        PROVIDERS.stubFor(post(urlEqualTo("/sms/primary")).willReturn(aResponse().withStatus(500)));
        PROVIDERS.stubFor(post(urlEqualTo("/sms/secondary")).willReturn(aResponse().withStatus(500)));
        String eventId = newEventId();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("receptionId", "rec-7");
        data.put("officeId", "office-shanghai");
        data.put("repId", "demo-sales-1");
        data.put("rule", "SA-1");
        data.put("countedAsTurn", true);
        data.put("visitorName", "Mr Chen");
        data.put("registrationId", "reg-3");
        data.put("at", "2026-11-23T01:59:00Z");
        publish("crm.reception.assigned.v1", "sales.reception.assigned", eventId, data);
        awaitNotified(eventId);
        dispatcher.runOnce();

        String id = eventId + ":reception-assigned-rep:SMS:demo-sales-1";
        Delivery sms = delivery(id);
        assertThat(sms.getStatus()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(sms.getAttempts()).isEqualTo(1);
        assertThat(sms.getNextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(sms.getLastError()).contains("primary-sms: HTTP 500").contains("secondary-sms: HTTP 500");
        // the inbox (walk-in, NO-2) did not wait for the SMS
        assertThat(api.get("/api/v1/notifications/inbox", sales("demo-sales-1")).body().path("items").get(0).path("title")
                .asString()).isEqualTo("Walk-in visitor Mr Chen");

        // nothing happens before the backoff is over; after it the provider is back and the SMS goes out
        dispatcher.runOnce();
        assertThat(delivery(id).getAttempts()).isEqualTo(1);
        PROVIDERS.stubFor(post(urlEqualTo("/sms/primary")).willReturn(aResponse().withStatus(200)));
        clock.advance(Duration.ofMinutes(1));
        dispatcher.runOnce();
        Delivery sent = delivery(id);
        assertThat(sent.getStatus()).isEqualTo(DeliveryStatus.SENT);
        assertThat(sent.getLog()).extracting(Attempt::status).containsExactly("FAILED", "SENT");
    }

    @Test
    void identityDownPostponesTheNotificationWhichIsSentOnceIdentityAnswers_NO2() {
        SERVICES.stubFor(get(urlPathEqualTo("/api/v1/staff/demo-agent-1")).willReturn(aResponse().withStatus(500)));
        String eventId = newEventId();
        publish("crm.complaint.assigned.v1", "complaint.case.assigned", eventId, assigned("2026-C-000103"));
        awaitNotified(eventId);
        dispatcher.runOnce();

        assertThat(requests(eventId)).singleElement().satisfies(r -> {
            assertThat(r.getString("status")).isEqualTo("PENDING");
            assertThat(r.getString("lastError")).contains("identity unavailable");
            assertThat(r.getDate("nextAttemptAt").toInstant()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        });
        assertThat(deliveries(eventId)).isEmpty();

        stubIdentity();
        clock.advance(Duration.ofMinutes(1));
        dispatcher.runOnce();
        assertThat(deliveries(eventId)).extracting(Delivery::getStatus).containsOnly(DeliveryStatus.SENT).hasSize(2);
        assertThat(SMTP_PRIMARY.getReceivedMessages()).hasSize(1);
    }

    @Test
    void whileIdentitysBreakerIsOpenNotificationsKeepTheirPlaceAndGoOutAsSoonAsItClosesNotAfterTheRetryDelay_NO2() {
        CircuitBreaker identity = breakers.circuitBreaker("identity");
        try {
            identity.transitionToOpenState();
            String assignment = newEventId();
            publish("crm.complaint.assigned.v1", "complaint.case.assigned", assignment, assigned("2026-C-000106"));
            String walkIn = newEventId();
            publish("crm.reception.assigned.v1", "sales.reception.assigned", walkIn, walkIn("Ms Lin"));
            awaitNotified(assignment);
            awaitNotified(walkIn);

            // identity was not asked, so neither notification lost its turn: still due now, no attempt counted
            Dispatcher.Pass pass = dispatcher.runOnce();
            assertThat(pass.expanded()).isZero();
            assertThat(pass.postponed()).isZero();
            for (String eventId : List.of(assignment, walkIn)) {
                assertThat(requests(eventId)).singleElement().satisfies(r -> {
                    assertThat(r.getString("status")).isEqualTo("PENDING");
                    assertThat(r.getInteger("attempts", 0)).isZero();
                    assertThat(r.getDate("nextAttemptAt").toInstant()).isBeforeOrEqualTo(clock.instant());
                    assertThat(r.get("lockedBy")).as("given back for any instance's next pass").isNull();
                });
                assertThat(deliveries(eventId)).isEmpty();
            }
            assertThat(requests(assignment).get(0).getString("lastError") + requests(walkIn).get(0).getString("lastError"))
                    .contains("identity unavailable (circuit breaker open)");

            // the breaker lets calls through again: the next pass, with no time gone by, sends both
            identity.transitionToClosedState();
            dispatcher.runOnce();
            assertThat(deliveries(assignment)).extracting(Delivery::getStatus).containsOnly(DeliveryStatus.SENT).hasSize(2);
            assertThat(api.get("/api/v1/notifications/inbox", sales("demo-sales-1")).body().path("items").get(0)
                    .path("title").asString()).isEqualTo("Walk-in visitor Ms Lin");
        } finally {
            identity.reset();
        }
    }

    private Map<String, Object> walkIn(String visitorName) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("receptionId", "rec-" + visitorName.hashCode());
        data.put("officeId", "office-shanghai");
        data.put("repId", "demo-sales-1");
        data.put("rule", "SA-1");
        data.put("countedAsTurn", true);
        data.put("visitorName", visitorName);
        data.put("registrationId", "reg-" + visitorName.hashCode());
        data.put("at", "2026-11-23T01:59:00Z");
        return data;
    }

    @Test
    void quietHoursDeferNonUrgentMessagesButAnL3EscalationGoesThroughAtOnce_NO2() throws Exception {
        clock.set(Instant.parse("2026-11-23T15:00:00Z")); // 23:00 in Shanghai
        String routine = newEventId();
        publish("crm.complaint.assigned.v1", "complaint.case.assigned", routine, assigned("2026-C-000104"));
        String urgent = newEventId();
        Map<String, Object> escalation = new LinkedHashMap<>();
        escalation.put("complaintId", "2026-C-000105");
        escalation.put("fromLevel", "L2");
        escalation.put("toLevel", "L3");
        escalation.put("handlerTier", "DIRECTOR");
        escalation.put("departmentId", "dept-customer-service");
        escalation.put("reason", "RATING");
        escalation.put("by", "system");
        escalation.put("resolveDueAt", "2026-11-30T10:00:00Z");
        publish("crm.complaint.escalated.v1", "complaint.case.escalated", urgent, escalation);
        awaitNotified(routine);
        awaitNotified(urgent);
        dispatcher.runOnce();

        Delivery deferred = delivery(routine + ":complaint-assigned-handler:EMAIL:demo-agent-1");
        assertThat(deferred.getStatus()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(deferred.getNextAttemptAt()).isEqualTo(Instant.parse("2026-11-24T00:00:00Z")); // 08:00 Shanghai
        assertThat(deferred.getLog()).singleElement().extracting(Attempt::status).isEqualTo("DEFERRED");
        Delivery director = delivery(urgent + ":complaint-escalated-next-tier:EMAIL:demo-director");
        assertThat(director.isUrgent()).isTrue();
        assertThat(director.getStatus()).isEqualTo(DeliveryStatus.SENT);
        assertThat(SMTP_PRIMARY.getReceivedMessages()).extracting(m -> m.getAllRecipients()[0].toString())
                .containsExactly("director@crm.local");
        // NO-5: the deadline as the (zh-CN) director reads it, in the office's zone, not the event's UTC instant
        assertThat((String) SMTP_PRIMARY.getReceivedMessages()[0].getContent()).contains("2026年11月30日 18:00")
                .doesNotContain("2026-11-30T10:00:00Z");
    }

    @Test
    void aPersonsOwnQuietHoursOverrideThePolicy_NO2() {
        Map<String, Object> quiet = Map.of("quietHours", Map.of("start", "09:30", "end", "12:00", "zone", "Asia/Shanghai"));
        Api.Response saved = api.put("/api/v1/notifications/preferences/me", agent("demo-agent-1"), quiet);
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        assertThat(api.get("/api/v1/notifications/preferences/me", agent("demo-agent-1")).body().path("quietHours").path("end")
                .asString()).startsWith("12:00");
        assertThat(api.put("/api/v1/notifications/preferences/me", agent("demo-agent-1"),
                Map.of("quietHours", Map.of("start", "25:00", "end", "12:00", "zone", "Asia/Shanghai"))).status()).isEqualTo(400);

        String eventId = newEventId();
        publish("crm.complaint.assigned.v1", "complaint.case.assigned", eventId, assigned("2026-C-000106"));
        awaitNotified(eventId);
        dispatcher.runOnce(); // 10:00 in Shanghai: inside their 09:30-12:00
        Delivery email = delivery(eventId + ":complaint-assigned-handler:EMAIL:demo-agent-1");
        assertThat(email.getNextAttemptAt()).isEqualTo(Instant.parse("2026-11-23T04:00:00Z"));
        assertThat(SMTP_PRIMARY.getReceivedMessages()).isEmpty();
        clock.set(Instant.parse("2026-11-23T04:00:00Z"));
        dispatcher.runOnce();
        assertThat(SMTP_PRIMARY.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterQueueAndAnAdminRedrivesIt() {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId("poison-1");
        BROKER.template().send(BROKER.exchange, "complaint.case.assigned", new Message("not json".getBytes(), properties));
        await().atMost(Duration.ofSeconds(20)).until(() -> BROKER.depth(NOTIFY_QUEUE + ".dlq") == 1);

        Api.Response depths = api.get("/api/v1/notifications/dead-letters", admin());
        assertThat(depths.status()).isEqualTo(200);
        assertThat(depths.body().get(0).path("deadLettered").asLong()).isEqualTo(1);
        assertThat(api.post("/api/v1/notifications/dead-letters/notify/redrive", agent("demo-agent-1"), "").status())
                .isEqualTo(403);
        Api.Response redriven = api.post("/api/v1/notifications/dead-letters/notify/redrive", admin(), "");
        assertThat(redriven.body().path("moved").asInt()).isEqualTo(1);
        // still poison: back in the dead-letter queue, never lost
        await().atMost(Duration.ofSeconds(20)).until(() -> BROKER.depth(NOTIFY_QUEUE + ".dlq") == 1);
        assertThat(api.post("/api/v1/notifications/dead-letters/nobody/redrive", admin(), "").status()).isEqualTo(404);
    }

    @Test
    void onlyAdministratorsReadTheDeliveryLog() {
        assertThat(api.get("/api/v1/notifications/deliveries", agent("demo-agent-1")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/notifications/deliveries", partner("partner-a")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/notifications/deliveries?status=SENT", admin()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/notifications/inbox", partner("partner-a")).status()).isEqualTo(403);
        assertThat(List.of(api.get("/api/v1/notifications/deliveries?status=NOPE", admin()).status())).containsExactly(400);
    }
}
