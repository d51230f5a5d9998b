package org.crmsuite.notification.partners;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.crmsuite.notification.delivery.Attempt;
import org.crmsuite.notification.delivery.Delivery;
import org.crmsuite.notification.delivery.DeliveryStatus;
import org.crmsuite.testsupport.Api;
import org.crmsuite.notification.support.ServiceTestBase;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * NO-3 partner webhooks against WireMock as the partner: Standard Webhooks signatures verified with the documented
 * recipe, the retry schedule on 500 with the test clock, 410 disables, Retry-After honoured, replay with the same
 * webhook-id, automatic pause with a notice to the partner's contact, and partners seeing only their own.
 */
class WebhookDeliveryTest extends ServiceTestBase {

    private record Subscribed(String id, String secret) {
    }

    private Subscribed subscribe(String partnerId, String path, String... types) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventTypes", List.of(types));
        body.put("url", "http://127.0.0.1:" + PROVIDERS.port() + path);
        body.put("contactEmail", "ops@" + partnerId + ".example");
        Api.Response created = api.post("/api/v1/subscriptions", partner(partnerId), body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String secret = created.body().path("secret").asString();
        assertThat(secret).startsWith("whsec_");
        return new Subscribed(created.body().path("subscription").path("id").asString(), secret);
    }

    private Map<String, Object> workOrder(String id) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("workOrderId", id);
        data.put("assigneeId", "demo-agent-2");
        data.put("dispatcherId", "demo-dispatcher");
        data.put("location", "Warehouse 3");
        data.put("task", "Inspect the coils");
        data.put("replyBy", "2026-11-24T10:00:00Z");
        return data;
    }

    /** The verification recipe of docs/notifications.md, as a partner would write it. */
    private static String expectedSignature(String secret, String id, String timestamp, String body) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + body)
                .getBytes(StandardCharsets.UTF_8)));
    }

    private String publishWorkOrder(String workOrderId) {
        String eventId = newEventId();
        publish("crm.complaint.work-order-issued.v1", "complaint.work-order.issued", eventId, workOrder(workOrderId));
        awaitHandled("notification-service.partner-webhooks", eventId);
        return eventId;
    }

    private static String recipient(jakarta.mail.internet.MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<LoggedRequest> partnerCalls(String path) {
        return PROVIDERS.findAll(postRequestedFor(urlEqualTo(path)));
    }

    @Test
    void deliveryCarriesTheCloudEventSignedWithTheSubscriptionsSecret_NO3() throws Exception {
        PROVIDERS.stubFor(post(urlEqualTo("/partner/a")).willReturn(aResponse().withStatus(204)));
        Subscribed sub = subscribe("partner-a", "/partner/a", "crm.complaint.work-order-issued.v1");
        String eventId = publishWorkOrder("2026-W-000201");
        dispatcher.runOnce();

        LoggedRequest call = partnerCalls("/partner/a").get(0);
        String id = call.getHeader("webhook-id");
        String timestamp = call.getHeader("webhook-timestamp");
        String body = call.getBodyAsString();
        assertThat(id).isEqualTo(PartnerFanOut.webhookId(eventId, sub.id())).startsWith("msg_");
        assertThat(timestamp).isEqualTo(String.valueOf(clock.instant().getEpochSecond()));
        assertThat(call.getHeader("webhook-signature")).isEqualTo(expectedSignature(sub.secret(), id, timestamp, body));
        assertThat(call.getHeader("Content-Type")).startsWith("application/cloudevents+json");
        assertThat(JSON.readTree(body).path("id").asString()).isEqualTo(eventId);
        assertThat(JSON.readTree(body).path("data").path("workOrderId").asString()).isEqualTo("2026-W-000201");

        // the partner's delivery log
        Api.Response log = api.get("/api/v1/subscriptions/" + sub.id() + "/deliveries", partner("partner-a"));
        assertThat(log.body().path("items").get(0).path("status").asString()).isEqualTo("SENT");
        assertThat(log.body().path("items").get(0).path("log").get(0).path("httpStatus").asInt()).isEqualTo(204);
    }

    @Test
    void failedDeliveriesFollowTheRetryScheduleWithTheSameWebhookIdThenSucceed_NO3() {
        PROVIDERS.stubFor(post(urlEqualTo("/partner/b")).willReturn(aResponse().withStatus(500)));
        Subscribed sub = subscribe("partner-b", "/partner/b", "crm.complaint.work-order-issued.v1");
        String eventId = publishWorkOrder("2026-W-000202");
        String id = PartnerFanOut.webhookId(eventId, sub.id());

        List<Duration> schedule = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30));
        dispatcher.runOnce();
        for (Duration wait : schedule) {
            Delivery d = delivery(id);
            assertThat(d.getStatus()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(d.getNextAttemptAt()).isEqualTo(clock.instant().plus(wait));
            clock.advance(wait.minusSeconds(1));
            dispatcher.runOnce(); // not yet due
            clock.advance(Duration.ofSeconds(1));
            dispatcher.runOnce();
        }
        assertThat(partnerCalls("/partner/b")).hasSize(4).extracting(r -> r.getHeader("webhook-id")).containsOnly(id);
        assertThat(delivery(id).getNextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofHours(2)));

        PROVIDERS.stubFor(post(urlEqualTo("/partner/b")).willReturn(aResponse().withStatus(200)));
        clock.advance(Duration.ofHours(2));
        dispatcher.runOnce();
        Delivery done = delivery(id);
        assertThat(done.getStatus()).isEqualTo(DeliveryStatus.SENT);
        assertThat(done.getLog()).extracting(Attempt::httpStatus).containsExactly(500, 500, 500, 500, 200);
        assertThat(api.get("/api/v1/subscriptions/" + sub.id(), partner("partner-b")).body().path("consecutiveFailures").asInt())
                .isZero();
    }

    @Test
    void goneDisablesTheSubscription_NO3() {
        PROVIDERS.stubFor(post(urlEqualTo("/partner/c")).willReturn(aResponse().withStatus(410)));
        Subscribed sub = subscribe("partner-c", "/partner/c", "crm.complaint.work-order-issued.v1");
        String eventId = publishWorkOrder("2026-W-000203");
        dispatcher.runOnce();

        assertThat(delivery(PartnerFanOut.webhookId(eventId, sub.id())).getStatus()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(api.get("/api/v1/subscriptions/" + sub.id(), partner("partner-c")).body().path("status").asString())
                .isEqualTo("DISABLED");
        // a disabled subscription gets nothing more
        publishWorkOrder("2026-W-000204");
        dispatcher.runOnce();
        assertThat(partnerCalls("/partner/c")).hasSize(1);
    }

    @Test
    void tooManyRequestsIsRetriedAfterTheRetryAfterTheyAskedFor_NO3() {
        PROVIDERS.stubFor(post(urlEqualTo("/partner/d")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
        Subscribed sub = subscribe("partner-d", "/partner/d", "crm.complaint.work-order-issued.v1");
        String eventId = publishWorkOrder("2026-W-000205");
        dispatcher.runOnce();
        Delivery d = delivery(PartnerFanOut.webhookId(eventId, sub.id()));
        assertThat(d.getStatus()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(d.getNextAttemptAt()).isEqualTo(clock.instant().plusSeconds(120));
        assertThat(d.getLastError()).isEqualTo("HTTP 429");
    }

    @Test
    void replayResendsTheSameWebhookIdAndARangeReplaysEveryDeliveryInIt_NO3() {
        PROVIDERS.stubFor(post(urlEqualTo("/partner/e")).willReturn(aResponse().withStatus(200)));
        Subscribed sub = subscribe("partner-e", "/partner/e", "crm.complaint.work-order-issued.v1");
        String first = publishWorkOrder("2026-W-000206");
        clock.advance(Duration.ofMinutes(10));
        publishWorkOrder("2026-W-000207");
        dispatcher.runOnce();
        String firstId = PartnerFanOut.webhookId(first, sub.id());

        Api.Response replay = api.post("/api/v1/subscriptions/" + sub.id() + "/deliveries/" + firstId + "/replay",
                partner("partner-e"), "");
        assertThat(replay.status()).as(replay.raw()).isEqualTo(200);
        dispatcher.runOnce();
        assertThat(partnerCalls("/partner/e")).hasSize(3);
        assertThat(partnerCalls("/partner/e").stream().filter(r -> firstId.equals(r.getHeader("webhook-id")))).hasSize(2);

        Api.Response range = api.post("/api/v1/subscriptions/" + sub.id() + "/replay", partner("partner-e"),
                Map.of("from", MONDAY_MORNING.toString(), "to", clock.instant().plusSeconds(1).toString()));
        assertThat(range.body().path("replayed").asLong()).isEqualTo(2);
        dispatcher.runOnce();
        assertThat(partnerCalls("/partner/e")).hasSize(5);
        // another partner cannot replay it, nor see the subscription
        assertThat(api.post("/api/v1/subscriptions/" + sub.id() + "/deliveries/" + firstId + "/replay", partner("partner-x"), "")
                .status()).isEqualTo(404);
        assertThat(api.get("/api/v1/subscriptions/" + sub.id(), partner("partner-x")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/subscriptions", partner("partner-x")).body()).isEmpty();
        assertThat(api.get("/api/v1/subscriptions", admin()).body()).hasSize(1);
    }

    @Test
    void repeatedFailurePausesTheSubscriptionTellsThePartnerAndResumeSendsWhatWasHeld_NO3() throws Exception {
        Api.Response policy = api.get("/api/v1/notifications/policy", admin());
        Map<String, Object> changed = JSON.convertValue(policy.body(), Map.class);
        changed.put("pauseAfterFailures", 2);
        assertThat(api.put("/api/v1/notifications/policy", admin(), changed).status()).isEqualTo(200);
        PROVIDERS.stubFor(post(urlEqualTo("/partner/f")).willReturn(aResponse().withStatus(500)));
        Subscribed sub = subscribe("partner-f", "/partner/f", "crm.complaint.work-order-issued.v1");
        String eventId = publishWorkOrder("2026-W-000208");
        String id = PartnerFanOut.webhookId(eventId, sub.id());
        dispatcher.runOnce();
        clock.advance(Duration.ofSeconds(5));
        dispatcher.runOnce(); // second failure: paused, notice queued and sent in the same pass

        Api.Response paused = api.get("/api/v1/subscriptions/" + sub.id(), partner("partner-f"));
        assertThat(paused.body().path("status").asString()).isEqualTo("PAUSED");
        assertThat(paused.body().path("pauseReason").asString()).isEqualTo("2 consecutive failures");
        dispatcher.runOnce();
        assertThat(java.util.Arrays.stream(SMTP_PRIMARY.getReceivedMessages()).filter(m -> recipient(m).equals("ops@partner-f.example")))
                .singleElement().satisfies(m -> assertThat(m.getSubject()).isEqualTo("[CRM] Webhook subscription paused " + sub.id()));
        // while paused the retry is held and new events wait
        clock.advance(Duration.ofMinutes(5));
        dispatcher.runOnce();
        assertThat(delivery(id).getStatus()).isEqualTo(DeliveryStatus.HELD);
        String later = publishWorkOrder("2026-W-000209");
        assertThat(delivery(PartnerFanOut.webhookId(later, sub.id())).getStatus()).isEqualTo(DeliveryStatus.HELD);
        assertThat(partnerCalls("/partner/f")).hasSize(2);

        PROVIDERS.stubFor(post(urlEqualTo("/partner/f")).willReturn(aResponse().withStatus(200)));
        assertThat(api.post("/api/v1/subscriptions/" + sub.id() + "/resume", partner("partner-f"), "").body().path("status")
                .asString()).isEqualTo("ACTIVE");
        dispatcher.runOnce();
        assertThat(delivery(id).getStatus()).isEqualTo(DeliveryStatus.SENT);
        assertThat(delivery(PartnerFanOut.webhookId(later, sub.id())).getStatus()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void aRotatedSecretSignsAlongsideTheNewOneDuringTheOverlap_NO3() throws Exception {
        PROVIDERS.stubFor(post(urlEqualTo("/partner/g")).willReturn(aResponse().withStatus(200)));
        Subscribed sub = subscribe("partner-g", "/partner/g", "crm.complaint.work-order-issued.v1");
        Api.Response rotated = api.post("/api/v1/subscriptions/" + sub.id() + "/secret/rotate", partner("partner-g"), "");
        String newSecret = rotated.body().path("secret").asString();
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(sub.secret());
        assertThat(Instant.parse(rotated.body().path("previousValidUntil").asString()))
                .isEqualTo(clock.instant().plus(Duration.ofHours(24)));
        publishWorkOrder("2026-W-000210");
        dispatcher.runOnce();
        LoggedRequest call = partnerCalls("/partner/g").get(0);
        String[] signatures = call.getHeader("webhook-signature").split(" ");
        assertThat(signatures).containsExactly(
                expectedSignature(newSecret, call.getHeader("webhook-id"), call.getHeader("webhook-timestamp"), call.getBodyAsString()),
                expectedSignature(sub.secret(), call.getHeader("webhook-id"), call.getHeader("webhook-timestamp"),
                        call.getBodyAsString()));
        // after the overlap only the new secret signs
        clock.advance(Duration.ofHours(25));
        publishWorkOrder("2026-W-000211");
        dispatcher.runOnce();
        List<LoggedRequest> calls = partnerCalls("/partner/g");
        assertThat(calls).hasSize(2);
        LoggedRequest next = calls.get(0) == call ? calls.get(1) : calls.stream()
                .filter(r -> !r.getHeader("webhook-id").equals(call.getHeader("webhook-id"))).findFirst().orElseThrow();
        assertThat(next.getHeader("webhook-signature")).doesNotContain(" ");
    }
}
