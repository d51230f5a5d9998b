package org.crmsuite.launcher.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

/**
 * A partner system's webhook endpoint on loopback, for the event-latency step: every delivery of
 * {@code crm.complaint.received.v1} is timed from the complaint's {@code receivedAt} (stamped by complaint-service at
 * intake, on the same machine's clock) to its arrival here.
 */
final class WebhookSink implements AutoCloseable {

    private static final Pattern RECEIVED_AT = Pattern.compile("\"receivedAt\"\\s*:\\s*\"([^\"]+)\"");

    /** One delivery: when the complaint was received by complaint-service, and when its webhook arrived here. */
    record Arrival(Instant complaintReceivedAt, Instant arrivedAt) {

        double latencyMs() {
            return (arrivedAt.toEpochMilli() - complaintReceivedAt.toEpochMilli());
        }
    }

    private final HttpServer server;
    private final List<Arrival> arrivals = new ArrayList<>();

    WebhookSink() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/hook", exchange -> {
            Instant arrived = Instant.now();
            try (InputStream in = exchange.getRequestBody()) {
                Matcher received = RECEIVED_AT.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                if (received.find()) {
                    synchronized (arrivals) {
                        arrivals.add(new Arrival(Instant.parse(received.group(1)), arrived));
                    }
                }
                exchange.sendResponseHeaders(204, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port() + "/hook";
    }

    int count() {
        synchronized (arrivals) {
            return arrivals.size();
        }
    }

    /** Waits until no delivery arrived for {@code quietMs} (the backlog is drained), at most {@code maxMs}. */
    void awaitQuiet(long quietMs, long maxMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + maxMs;
        int last = -1;
        long lastChange = System.currentTimeMillis();
        while (System.currentTimeMillis() < deadline) {
            int now = count();
            if (now != last) {
                last = now;
                lastChange = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - lastChange >= quietMs) {
                return;
            }
            Thread.sleep(100);
        }
    }

    /** Latencies (ms, sorted) of the complaints received by complaint-service within [from, to). */
    List<Double> latenciesOfComplaintsReceived(Instant from, Instant to) {
        List<Double> latencies = new ArrayList<>();
        synchronized (arrivals) {
            for (Arrival arrival : arrivals) {
                if (!arrival.complaintReceivedAt().isBefore(from) && arrival.complaintReceivedAt().isBefore(to)) {
                    latencies.add(arrival.latencyMs());
                }
            }
        }
        latencies.sort(Double::compare);
        return latencies;
    }

    static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
