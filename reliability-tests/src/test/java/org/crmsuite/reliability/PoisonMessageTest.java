package org.crmsuite.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.crmsuite.platform.events.DeadLetters;
import org.crmsuite.reliability.support.Http;
import org.crmsuite.reliability.support.Report;
import org.crmsuite.reliability.support.Suite;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

/**
 * Scenario 5 (issue 9): customer-service's staff-departures consumer (CU-10, {@code crm.staff.left.v1}, both instances
 * consuming) gets a malformed event, then a departure that fails because identity answers 500, then a stream of good
 * departures. The malformed event and the failing one end in {@code <queue>.dlq} (the failing one after the listener's
 * retries), the good ones are all handled meanwhile (the queue is not blocked), and after identity is back the
 * platform's re-drive ({@link DeadLetters}) moves both back: the departure is handled (its customers redistributed),
 * the malformed event returns to the dead-letter queue.
 */
@Order(2)
class PoisonMessageTest {

    private static final String ROUTING_KEY = "identity.staff.left";
    private static final String CONSUMER = "customer-service.staff-departures";
    private static final int GOOD = 30;

    private final Suite suite = Suite.get();

    @Test
    void aMalformedEventGoesToTheDeadLetterQueueWithoutBlockingTheQueueAndReDriveWorks() {
        suite.ensureRunning(suite.customerA, suite.customerB);
        String queue = suite.customerDepartures;
        String dlq = queue + ".dlq";
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String department = "dept-rel-flaky-" + run;
        String leaver = "rel-leaver-" + run;
        String admin = suite.issuer.bearer("rel-admin", "dept-company", "ADMIN");
        List<String> leaversCustomers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", "Leaver's customer " + run + "-" + i);
            body.put("registrationNumber", "PSN" + run + i);
            body.put("departmentId", department);
            body.put("ownerId", leaver);
            body.put("confirmDuplicate", true);
            Http.Answer created = Http.post(suite.customerA.uri("/api/v1/customers"), admin, Http.write(body));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            leaversCustomers.add(created.json().path("id").asString());
        }
        StubMapping identityDown = suite.identity.stubFor(WireMock.get(urlPathEqualTo("/api/v1/departments/" + department + "/staff"))
                .atPriority(1).willReturn(aResponse().withStatus(500)));
        long dlqBefore = depth(dlq);

        Instant sentAt = Instant.now();
        String poisonId = "poison-" + run;
        publish(poisonId, "{\"specversion\":\"1.0\",\"id\":".getBytes(StandardCharsets.UTF_8));
        List<String> goodIds = new ArrayList<>();
        for (int i = 0; i < GOOD; i++) {
            String id = UUID.randomUUID().toString();
            goodIds.add(id);
            publish(id, event(id, "rel-nobody-" + run + "-" + i, "dept-east-sales"));
        }
        // last: its failures open the consuming instance's breaker to identity (finding 3), which would dead-letter
        // good departures behind it on that instance too
        String failingId = UUID.randomUUID().toString();
        publish(failingId, event(failingId, leaver, department));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertThat(handled(goodIds)).as("good departures handled while poison sits in the DLQ").isEqualTo(GOOD);
            assertThat(depth(dlq) - dlqBefore).as("malformed and failing event dead-lettered").isEqualTo(2);
        });
        Duration drained = Duration.between(sentAt, Instant.now());
        assertThat(depth(queue)).as("the queue is not blocked").isZero();
        assertThat(handled(List.of(failingId))).isZero();

        suite.identity.removeStub(identityDown);
        Instant redriven = Instant.now();
        DeadLetters deadLetters = new DeadLetters(suite.rabbit);
        int[] moved = { 0 };
        int[] redrives = { 0 };
        // the operator's re-drive, repeated until the departure is handled: while the breaker of the instance that
        // failed it is still open (10 s), a re-driven message may fail there again and return to the DLQ
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3)).until(() -> {
            if (handled(List.of(failingId)) == 1) {
                return true;
            }
            redrives[0]++;
            moved[0] += deadLetters.redrive(queue, 10);
            return false;
        });
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(depth(dlq) - dlqBefore).as("only the malformed event is back in the DLQ").isEqualTo(1));
        Duration recovery = Duration.between(redriven, Instant.now());
        for (String id : leaversCustomers) {
            Http.Answer customer = Http.get(suite.customerA.uri("/api/v1/customers/" + id), admin);
            assertThat(customer.json().path("ownerId").asString()).as("CU-10 redistributed after the re-drive")
                    .isIn("demo-sales-2", "demo-sales-3");
        }
        Message back = suite.rabbit.receive(dlq, 2000);
        assertThat(back).isNotNull();
        assertThat(back.getMessageProperties().getMessageId()).isEqualTo(poisonId);
        assertThat((String) back.getMessageProperties().getHeader("x-exception-message")).contains("CloudEvents");

        long handledTwice = suite.count("crm_customer", "processed_events",
                new Document("consumer", CONSUMER).append("eventId", new Document("$in", allIds(goodIds, failingId))))
                - (GOOD + 1);
        new Report("5 poison message").load((GOOD + 2) + " staff-left events on customer-service's departures queue (2 instances)")
                .fault("1 malformed event + 1 event failing (identity 500) until re-driven")
                .counts(GOOD + 2, GOOD + 1, 1, 0, handledTwice)
                .recovery(recovery)
                .note("good events handled and both bad ones dead-lettered within " + drained.toMillis() + " ms of sending")
                .note("re-drive (platform DeadLetters), " + redrives[0] + " pass(es), moved " + moved[0] + " messages back; the "
                        + "departure was handled and its "
                        + leaversCustomers.size() + " customers redistributed; the malformed event returned to the DLQ "
                        + "with x-exception-message")
                .note("failed = the malformed event, parked in " + dlq + " for an operator; recovery = re-drive to handled")
                .write();
        assertThat(moved[0]).isGreaterThanOrEqualTo(2);
        assertThat(handledTwice).isZero();
    }

    private static List<String> allIds(List<String> good, String failing) {
        List<String> all = new ArrayList<>(good);
        all.add(failing);
        return all;
    }

    private long handled(List<String> eventIds) {
        return suite.count("crm_customer", "processed_events", new Document("consumer", CONSUMER)
                .append("eventId", new Document("$in", eventIds)).append("status", "DONE"));
    }

    private long depth(String queue) {
        var properties = suite.rabbitAdmin.getQueueProperties(queue);
        assertThat(properties).as("queue " + queue + " declared by customer-service").isNotNull();
        return ((Number) properties.get(org.springframework.amqp.rabbit.core.RabbitAdmin.QUEUE_MESSAGE_COUNT)).longValue();
    }

    private void publish(String messageId, byte[] body) {
        Message message = MessageBuilder.withBody(body).setContentType("application/cloudevents+json").setMessageId(messageId)
                .build();
        suite.rabbit.send(suite.exchange, ROUTING_KEY, message);
    }

    private static byte[] event(String id, String staffId, String department) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("staffId", staffId);
        data.put("departmentId", department);
        data.put("roles", List.of("SALES"));
        data.put("leftAt", Instant.now().toString());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", id);
        event.put("source", "/identity");
        event.put("type", "crm.staff.left.v1");
        event.put("subject", staffId);
        event.put("time", Instant.now().toString());
        event.put("datacontenttype", "application/json");
        event.put("data", data);
        return Http.write(event).getBytes(StandardCharsets.UTF_8);
    }
}
