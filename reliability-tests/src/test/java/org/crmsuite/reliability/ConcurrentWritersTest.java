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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.crmsuite.reliability.support.Http;
import org.crmsuite.reliability.support.Node;
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
 * Scenario 6 (issue 9): concurrent writers on two instances. Two customer-service instances update one customer from
 * the same (stale) version at the same moment: exactly one wins (200), the other gets 409, and the version advances
 * once per round. Two complaint-service instances run the SLA scheduler every 2 s over the same due cases: every
 * case gets its SLA warning exactly once.
 */
@Order(3)
class ConcurrentWritersTest {

    private static final int ROUNDS = 15;
    private static final int COMPLAINTS = 20;

    private final Suite suite = Suite.get();

    @Test
    void twoInstancesWritingOneCustomerFromTheSameVersionOneWinsTheOtherGets409() throws Exception {
        suite.ensureRunning(suite.customerA, suite.customerB);
        String admin = suite.issuer.bearer("rel-admin", "dept-company", "ADMIN");
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String registration = "CCW" + run + "00";
        Http.Answer created = Http.post(suite.customerA.uri("/api/v1/customers"), admin,
                Fixtures.customer("Concurrent " + run, registration, "dept-east-sales"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();
        long startVersion = created.json().path("version").asLong();

        int ok = 0;
        int conflicts = 0;
        int other = 0;
        List<String> winners = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                long version = Http.get(suite.customerB.uri("/api/v1/customers/" + id), admin).json().path("version").asLong();
                CountDownLatch gate = new CountDownLatch(1);
                List<Future<Http.Answer>> writes = new ArrayList<>();
                for (Node instance : List.of(suite.customerA, suite.customerB)) {
                    String address = round + " " + instance.name() + " street";
                    writes.add(pool.submit(() -> {
                        gate.await();
                        return Http.put(instance.uri("/api/v1/customers/" + id), admin,
                                Fixtures.customerUpdate("Concurrent " + run, registration, version, address));
                    }));
                }
                gate.countDown();
                List<Http.Answer> answers = List.of(writes.get(0).get(), writes.get(1).get());
                for (Http.Answer answer : answers) {
                    if (answer.status() == 200) {
                        ok++;
                        winners.add(answer.json().path("address").asString());
                    } else if (answer.status() == 409) {
                        conflicts++;
                        assertThat(answer.json().path("code").asString()).isEqualTo("concurrency.stale-version");
                    } else {
                        other++;
                    }
                }
                assertThat(answers).extracting(Http.Answer::status).as("round " + round).containsExactlyInAnyOrder(200, 409);
            }
        } finally {
            pool.shutdown();
        }
        JsonNode last = Http.get(suite.customerA.uri("/api/v1/customers/" + id), admin).json();
        long applied = last.path("version").asLong() - startVersion;
        new Report("6a concurrent writers: customer").load(ROUNDS + " rounds × 2 simultaneous PUTs from one version, one per instance")
                .fault("stale version on the losing instance")
                .counts(2L * ROUNDS, ok, conflicts + other, ROUNDS - applied < 0 ? 0 : ROUNDS - applied, Math.max(0, applied - ROUNDS))
                .recovery("n/a")
                .note("200: " + ok + ", 409 concurrency.stale-version: " + conflicts + ", other: " + other)
                .note("version advanced by " + applied + " for " + ROUNDS + " rounds; the stored address is the last winner's: "
                        + last.path("address").asString())
                .write();
        assertThat(applied).as("exactly one write applied per round").isEqualTo(ROUNDS);
        assertThat(last.path("address").asString()).isEqualTo(winners.get(winners.size() - 1));
    }

    @Test
    void twoSlaSchedulersRaiseEachWarningOnce() {
        suite.ensureRunning(suite.complaintA, suite.complaintB);
        String observer = "reliability.sla-observer-" + suite.runId;
        suite.rabbitAdmin.declareExchange(new TopicExchange(suite.exchange, true, false));
        suite.rabbitAdmin.declareQueue(new Queue(observer, false, false, false));
        suite.rabbitAdmin.declareBinding(BindingBuilder.bind(new Queue(observer)).to(new TopicExchange(suite.exchange))
                .with("complaint.case.sla-warning"));
        String agent = suite.issuer.bearer("rel-agent", "dept-customer-service", "AGENT");
        // received 50 minutes ago: 75 % of the 1 h acknowledgement time (CO-3, warn-at-percent) has passed
        String receivedAt = Instant.now().minus(Duration.ofMinutes(50)).toString();
        Set<String> filed = ConcurrentHashMap.newKeySet();
        int sent = 0;
        Instant start = Instant.now();
        for (int i = 0; i < COMPLAINTS; i++) {
            Node instance = i % 2 == 0 ? suite.complaintA : suite.complaintB;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("channel", "PHONE");
            body.put("category", "DELIVERY");
            body.put("content", "late delivery " + i + " of run " + suite.runId);
            body.put("contact", Map.of("name", "Consumer " + i, "kind", "CONSUMER"));
            body.put("receivedAt", receivedAt);
            sent++;
            Http.Answer answer = Http.post(instance.uri("/api/v1/complaints"), agent, Http.write(body),
                    "Idempotency-Key", "sla-" + suite.runId + "-" + i);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
            filed.add(answer.json().path("id").asString());
        }
        Map<String, AtomicInteger> warnings = new ConcurrentHashMap<>();
        AtomicInteger foreign = new AtomicInteger();
        Runnable drain = () -> {
            Message message;
            while ((message = suite.rabbit.receive(observer, 100)) != null) {
                JsonNode data = Http.JSON.readTree(new String(message.getBody(), StandardCharsets.UTF_8)).path("data");
                String complaint = data.path("complaintId").asString();
                if (filed.contains(complaint)) {
                    warnings.computeIfAbsent(complaint + ":" + data.path("deadline").asString(), k -> new AtomicInteger())
                            .incrementAndGet();
                } else {
                    foreign.incrementAndGet();
                }
            }
        };
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            drain.run();
            return warnings.keySet().stream().filter(k -> k.endsWith(":ACKNOWLEDGE")).count() == COMPLAINTS;
        });
        Duration firstAll = Duration.between(start, Instant.now());
        // several more passes of both schedulers (every 2 s each) must add nothing
        await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(12)).pollInterval(Duration.ofMillis(500)).until(() -> {
            drain.run();
            return warnings.values().stream().allMatch(count -> count.get() == 1);
        });
        long total = warnings.values().stream().mapToLong(AtomicInteger::get).sum();
        long duplicates = total - warnings.size();
        suite.rabbitAdmin.deleteQueue(observer);
        // which scheduler instance (WorkClaims owner "sla-<id>") raised the warnings
        Map<String, Integer> byScheduler = new java.util.TreeMap<>();
        for (org.bson.Document claim : suite.mongo().getDatabase("crm_complaint").getCollection("job_claims").find()) {
            String key = claim.getString("_id");
            if (key != null && key.endsWith(":WARNING") && filed.contains(key.substring(0, key.indexOf(':')))) {
                byScheduler.merge(claim.getString("owner"), 1, Integer::sum);
            }
        }
        new Report("6b concurrent writers: SLA schedulers").load(sent + " complaints due for their CO-3 warning; 2 instances, "
                + "SLA pass every 2 s each").fault("both schedulers see every due case")
                .counts(sent, warnings.size(), COMPLAINTS - warnings.keySet().stream().filter(k -> k.endsWith(":ACKNOWLEDGE")).count(),
                        0, duplicates)
                .recovery("n/a")
                .note("warnings (case × deadline) raised: " + warnings.size() + ", events seen: " + total
                        + "; all within " + firstAll.toSeconds() + " s of filing; none more in the 8 s after")
                .note("warnings claimed per scheduler instance (WorkClaims owner): " + byScheduler)
                .write();
        assertThat(duplicates).as("each warning once").isZero();
    }
}
