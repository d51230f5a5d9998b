package org.crmsuite.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.crmsuite.reliability.support.Http;
import org.crmsuite.reliability.support.Report;
import org.crmsuite.reliability.support.Suite;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;

import tools.jackson.databind.JsonNode;

/**
 * Scenario 1 (issue 9): complaints are filed through the gateway at a steady rate while the broker is unreachable for
 * 30 s for complaint-service (both instances, the publishers) and notification-service (the consumer): the TCP proxy
 * in front of the machine's RabbitMQ is cut, which other builds keep using. Every complaint is stored; every
 * {@code crm.complaint.received.v1} reaches notification-service and is handled exactly once (its idempotent
 * consumer's record; duplicates the relay may publish after the outage are counted and must change nothing); no
 * complaint keeps anything in its outbox afterwards.
 */
@Order(7)
class BrokerOutageTest {

    private static final String NOTIFY_CONSUMER = "notification-service.notify";
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration BEFORE = Duration.ofSeconds(5);
    private static final Duration AFTER = Duration.ofSeconds(5);
    private static final long INTERVAL_MS = 500;

    private final Suite suite = Suite.get();

    @Test
    void complaintsFiledDuringABrokerOutageAreAllStoredAndEveryEventReachesNotificationServiceOnce() {
        suite.ensureRunning(suite.complaintA, suite.complaintB);
        suite.notification();
        String observer = "reliability.received-observer-" + suite.runId;
        suite.rabbitAdmin.declareExchange(new TopicExchange(suite.exchange, true, false));
        suite.rabbitAdmin.declareQueue(new Queue(observer, false, false, false));
        suite.rabbitAdmin.declareBinding(BindingBuilder.bind(new Queue(observer)).to(new TopicExchange(suite.exchange))
                .with("complaint.case.received"));
        String agent = suite.issuer.bearer("rel-agent", "dept-customer-service", "AGENT");
        String run = UUID.randomUUID().toString().substring(0, 6);

        List<String> filed = new ArrayList<>();
        int sent = 0;
        int failed = 0;
        Instant start = Instant.now();
        Instant cutAt = null;
        Instant restoredAt = null;
        try {
            int i = 0;
            while (Duration.between(start, Instant.now()).compareTo(BEFORE.plus(OUTAGE).plus(AFTER)) < 0) {
                Duration elapsed = Duration.between(start, Instant.now());
                if (cutAt == null && elapsed.compareTo(BEFORE) >= 0) {
                    suite.brokerProxy.cut();
                    cutAt = Instant.now();
                }
                if (cutAt != null && restoredAt == null && elapsed.compareTo(BEFORE.plus(OUTAGE)) >= 0) {
                    suite.brokerProxy.restore();
                    restoredAt = Instant.now();
                }
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("channel", "WEB_FORM");
                body.put("category", "SERVICE_ATTITUDE");
                body.put("content", "broker-outage " + run + " #" + i);
                body.put("contact", Map.of("name", "Consumer " + i, "kind", "CONSUMER"));
                String key = run + "-" + i;
                Http.Answer answer = null;
                for (int attempt = 0; attempt < 5; attempt++) {
                    sent++;
                    answer = Http.post(suite.viaGateway("/api/v1/complaints"), agent, Http.write(body), "Idempotency-Key", key);
                    if (answer.status() == 201) {
                        break;
                    }
                    failed++;
                }
                assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
                filed.add(answer.json().path("id").asString());
                i++;
                pause(INTERVAL_MS);
            }
        } finally {
            if (restoredAt == null) {
                suite.brokerProxy.restore(); // never left cut, even when a filing failed
                restoredAt = Instant.now();
            }
        }
        Set<String> complaints = Set.copyOf(filed);
        Map<String, String> eventIds = new ConcurrentHashMap<>(); // complaint -> event id
        AtomicInteger published = new AtomicInteger();
        Runnable drain = () -> {
            Message message;
            while ((message = suite.rabbit.receive(observer, 100)) != null) {
                JsonNode event = Http.JSON.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
                String complaint = event.path("data").path("complaintId").asString();
                if (complaints.contains(complaint)) {
                    published.incrementAndGet();
                    eventIds.put(complaint, event.path("id").asString());
                }
            }
        };
        Instant restored = restoredAt;
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            drain.run();
            return eventIds.size() == complaints.size() && handled(eventIds.values()) == complaints.size();
        });
        Duration recovery = Duration.between(restored, Instant.now());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> pendingOutbox(run) == 0);
        drain.run();

        long stored = suite.count("crm_complaint", "complaints", new Document("content",
                new Document("$regex", "^broker-outage " + run + " ")));
        long handled = handled(eventIds.values());
        long requestsTwice = duplicateRequests(eventIds.values());
        new Report("1 broker outage").load(filed.size() + " complaints through the gateway, one every " + INTERVAL_MS + " ms "
                + "(2 complaint-service instances)").fault("broker unreachable (TCP proxy cut) for " + OUTAGE.toSeconds()
                + " s for complaint-service and notification-service")
                .counts(sent, filed.size(), failed, complaints.size() - Math.min(stored, handled), requestsTwice)
                .recovery(recovery)
                .note("complaints stored: " + stored + " of " + filed.size() + "; received events seen on the exchange: "
                        + published.get() + " for " + eventIds.size() + " complaints; handled by notification-service "
                        + "(idempotent consumer, DONE): " + handled)
                .note("duplicates = notification requests made twice for one event and rule (the effect; must be 0). "
                        + "Events the relay published more than once (at-least-once after the outage): "
                        + (published.get() - eventIds.size()))
                .note("recovery = from the broker's return until the last event was handled by notification-service; "
                        + "complaints with a pending outbox afterwards: 0")
                .write();

        assertThat(stored).as("every complaint stored").isEqualTo(filed.size());
        assertThat(handled).as("every event handled by notification-service").isEqualTo(complaints.size());
        assertThat(requestsTwice).as("no duplicate notification").isZero();
        suite.rabbitAdmin.deleteQueue(observer);
    }

    private long handled(java.util.Collection<String> eventIds) {
        return suite.count("crm_notification", "processed_events", new Document("consumer", NOTIFY_CONSUMER)
                .append("eventId", new Document("$in", List.copyOf(eventIds))).append("status", "DONE"));
    }

    /** Notification requests beyond one per (event, rule): ids are {@code <eventId>:<ruleId>}, so a repeat would differ. */
    private long duplicateRequests(java.util.Collection<String> eventIds) {
        Map<String, Integer> perEventAndRule = new LinkedHashMap<>();
        for (Document request : suite.mongo().getDatabase("crm_notification").getCollection("notification_requests")
                .find(new Document("eventId", new Document("$in", List.copyOf(eventIds))))) {
            perEventAndRule.merge(request.getString("eventId") + "/" + request.get("ruleId"), 1, Integer::sum);
        }
        return perEventAndRule.values().stream().mapToLong(n -> n - 1).sum();
    }

    private long pendingOutbox(String run) {
        long pending = 0;
        for (Document complaint : suite.mongo().getDatabase("crm_complaint").getCollection("complaints")
                .find(new Document("content", new Document("$regex", "^broker-outage " + run + " ")))) {
            Object outbox = complaint.get("outbox");
            if (outbox instanceof List<?> list && !list.isEmpty()) {
                pending++;
            }
        }
        return pending;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
