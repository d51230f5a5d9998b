package org.crmsuite.complaint.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.crmsuite.testsupport.Api;
import org.crmsuite.complaint.support.ServiceTestBase;
import org.crmsuite.platform.events.OutboxRelay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Benchmark, not a test (not run by default; docs/benchmarks.md): throughput and latency of {@code POST /api/v1/complaints}
 * on the service's own HTTP port — JWT check, customer look-up by Feign (WireMock), deadlines on the business calendar,
 * the case and its event written to MongoDB, the outbox relay publishing to RabbitMQ meanwhile.
 * <pre>
 * ./mvnw -o -B -pl complaint-service test -Dtest=IntakeBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark=true \
 *     -Dcrm.test.jvm="-Xmx1g -XX:+UseSerialGC"   [-Dbench.requests=3000 -Dbench.clients=8 -Dbench.relay=false]
 * </pre>
 * Client, service, WireMock and the embedded MongoDB share one JVM and the machine's cores: a lower bound of what the
 * service does alone.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class IntakeBenchmark extends ServiceTestBase {

    static final int REQUESTS = Integer.getInteger("bench.requests", 3000);
    static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    static final int WARM_UP = 300;
    /** false: measure intake without the outbox relay publishing at the same time. */
    static final boolean RELAY = Boolean.parseBoolean(System.getProperty("bench.relay", "true"));

    @Autowired
    OutboxRelay relay;

    @Test
    void intakeThroughputAndLatency() throws Exception {
        if (RELAY) {
            relay.start();
        }
        String department = uniqueDepartment();
        String token = agent("staff-agent-bench", department);
        try {
            run(WARM_UP, token, department, "warm");
            long started = System.nanoTime();
            Result result = run(REQUESTS, token, department, "bench");
            double seconds = (System.nanoTime() - started) / 1e9;
            double[] sorted = result.millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            List<String> out = List.of(
                    String.format("POST /api/v1/complaints: %d requests, %d concurrent clients, %d failed, outbox relay %s",
                            REQUESTS, CLIENTS, result.failed.get(), RELAY ? "publishing meanwhile" : "off"),
                    String.format("throughput %.0f requests/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
                            REQUESTS / seconds, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                            sorted[sorted.length - 1]),
                    String.format("JVM %s, max heap %d MB, %d cores", System.getProperty("java.version"),
                            Runtime.getRuntime().maxMemory() / (1024 * 1024), Runtime.getRuntime().availableProcessors()));
            out.forEach(System.out::println);
            Path file = Path.of("target", "benchmarks", "intake-relay-" + (RELAY ? "on" : "off") + ".txt");
            Files.createDirectories(file.getParent());
            Files.write(file, out);
            assertThat(result.failed.get()).isZero();
        } finally {
            relay.stop();
        }
    }

    record Result(List<Double> millis, AtomicInteger failed) {
    }

    Result run(int requests, String token, String department, String prefix) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Future<List<Double>>> futures = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            futures.add(clients.submit(() -> {
                Api client = new Api(port);
                List<Double> millis = new ArrayList<>();
                int i;
                while ((i = next.getAndIncrement()) < requests) {
                    Map<String, Object> body = complaint("qual-" + prefix + "-" + i, i % 10 == 0 ? "L2" : "L1", department);
                    long start = System.nanoTime();
                    Api.Response response = client.post("/api/v1/complaints", token, body);
                    millis.add((System.nanoTime() - start) / 1e6);
                    if (response.status() != 201) {
                        failed.incrementAndGet();
                    }
                }
                return millis;
            }));
        }
        List<Double> all = new ArrayList<>();
        for (Future<List<Double>> future : futures) {
            all.addAll(future.get());
        }
        clients.shutdown();
        return new Result(all, failed);
    }

    static double percentile(double[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
