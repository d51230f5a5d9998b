package org.crmsuite.notification.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.crmsuite.testsupport.Api;
import org.crmsuite.notification.support.ServiceTestBase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;

/**
 * NO-3 benchmark (tag "benchmark", {@code -Pbenchmark}): events published on the real broker, turned into signed webhook
 * deliveries by the running schedulers and nudges, received by a local sink (JDK HTTP server on loopback). Measures
 * events/s (first publish → last receipt) and the latency from publish to receipt (p50/p99/max). Results also go to
 * {@code target/benchmark/webhooks.md}.
 */
@Tag("benchmark")
class WebhookBenchmarkTest extends ServiceTestBase {

    static final int EVENTS = Integer.getInteger("crm.benchmark.events", 2000);
    static final int WARM_UP = 200;
    static final int PACED_EVENTS = 600;
    static final int PACED_RATE = Integer.getInteger("crm.benchmark.paced-rate", 30);
    static final Map<String, Long> RECEIVED = new ConcurrentHashMap<>();
    static final HttpServer SINK = startSink();

    @DynamicPropertySource
    static void schedulersOn(DynamicPropertyRegistry registry) {
        registry.add("crm.notification.jobs.enabled", () -> true);
        registry.add("crm.notification.dispatch.poll-interval", () -> "200ms");
        registry.add("crm.notification.webhook.allowed-hosts[1]", () -> "127.0.0.1:" + SINK.getAddress().getPort());
    }

    private static HttpServer startSink() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
            server.createContext("/hooks", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    JsonNode body = JSON.readTree(in.readAllBytes());
                    RECEIVED.putIfAbsent(body.path("id").asString(), System.nanoTime());
                    exchange.sendResponseHeaders(204, -1);
                } finally {
                    exchange.close();
                }
            });
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Long> publishAll(int count, String prefix) {
        return publishAll(count, prefix, 0);
    }

    /** Publishes {@code count} events, at most {@code perSecond} a second (0: as fast as possible). */
    private Map<String, Long> publishAll(int count, String prefix, int perSecond) {
        long start = System.nanoTime();
        Map<String, Long> published = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String eventId = prefix + "-" + i;
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("complaintId", "2026-C-" + i);
            data.put("customerId", "demo-cust-huaxin");
            data.put("level", "L1");
            data.put("rating", 1);
            data.put("customerUnreachable", false);
            data.put("handlerId", "demo-agent-1");
            data.put("closedAt", "2026-11-23T01:00:00Z");
            if (perSecond > 0) {
                long due = start + i * 1_000_000_000L / perSecond;
                while (System.nanoTime() < due) {
                    java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
                }
            }
            published.put(eventId, System.nanoTime());
            publish("crm.complaint.closed.v1", "complaint.case.closed", eventId, data);
        }
        return published;
    }

    @Test
    void eventsPerSecondIntoWebhookDeliveriesAndP99FromPublishToReceipt() throws Exception {
        Api.Response created = api.post("/api/v1/subscriptions", partner("partner-bench"), Map.of("eventTypes",
                List.of("crm.complaint.closed.v1"), "url", "http://127.0.0.1:" + SINK.getAddress().getPort() + "/hooks",
                "contactEmail", "ops@bench.example"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);

        Map<String, Long> warm = publishAll(WARM_UP, "warm-" + BROKER.suffix);
        await().atMost(Duration.ofMinutes(2)).until(() -> RECEIVED.keySet().containsAll(warm.keySet()));

        String burst = measure("burst (published as fast as possible)", publishAll(EVENTS, "bench-" + BROKER.suffix));
        String paced = measure("paced at " + PACED_RATE + " events/s",
                publishAll(PACED_EVENTS, "paced-" + BROKER.suffix, PACED_RATE));
        String report = "| run | events | wall s | events/s | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|---|---|\n" + burst
                + paced;
        Path out = Path.of("target", "benchmark", "webhooks.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println("WEBHOOK BENCHMARK\n" + report);
    }

    private String measure(String name, Map<String, Long> published) {
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> RECEIVED.keySet().containsAll(published.keySet()));
        List<Long> latencies = new ArrayList<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (var e : published.entrySet()) {
            long received = RECEIVED.get(e.getKey());
            latencies.add(received - e.getValue());
            first = Math.min(first, e.getValue());
            last = Math.max(last, received);
        }
        Collections.sort(latencies);
        double seconds = (last - first) / 1e9;
        long p50 = latencies.get(latencies.size() / 2) / 1_000_000;
        long p99 = latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1) / 1_000_000;
        long max = latencies.get(latencies.size() - 1) / 1_000_000;
        return String.format("| %s | %d | %.1f | %.0f | %d | %d | %d |%n", name, published.size(), seconds,
                published.size() / seconds, p50, p99, max);
    }
}
