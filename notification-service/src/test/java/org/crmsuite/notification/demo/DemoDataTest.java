package org.crmsuite.notification.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.crmsuite.notification.support.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The local profile's demo: default rules and templates, partner-demo's subscription to the local partner sink (which
 * checks every signature), inbox items for the demo staff, (the file sinks of e-mail and SMS: LocalSinkTest).
 */
@ActiveProfiles({ "test", "local" })
class DemoDataTest extends ServiceTestBase {

    static final int SINK_PORT = freeSinkPort();
    static final Path SINK_DIR = Path.of("target", "demo-sink-test-" + BROKER.suffix);

    @DynamicPropertySource
    static void localSink(DynamicPropertyRegistry registry) {
        registry.add("crm.notification.demo.partner-sink-port", () -> SINK_PORT);
        registry.add("crm.notification.demo.partner-sink-url", () -> "http://127.0.0.1:" + SINK_PORT + "/hooks");
        registry.add("crm.notification.webhook.allowed-hosts[1]", () -> "127.0.0.1:" + SINK_PORT);
        registry.add("crm.notification.local-sink.directory", SINK_DIR::toString);
    }

    private static int freeSinkPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    DemoData demo;

    @Test
    void theLocalRunHasADemoPartnerSinkThatVerifiesSignaturesAndDemoInboxItems() throws Exception {
        demo.seed();
        demo.seed(); // a second instance starting: nothing twice
        assertThat(api.get("/api/v1/subscriptions", partner("partner-demo")).body()).singleElement()
                .satisfies(s -> assertThat(s.path("url").asString()).isEqualTo("http://127.0.0.1:" + SINK_PORT + "/hooks"));
        assertThat(api.get("/api/v1/notifications/inbox", sales("demo-sales-1")).body().path("items")).hasSize(2);
        assertThat(api.get("/api/v1/notifications/inbox/unread-count", agent("demo-agent-1")).body().path("unread").asLong())
                .isEqualTo(2);

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("complaintId", "2026-C-000900");
        data.put("customerId", "demo-cust-huaxin");
        data.put("contactName", "王芳 Wang Fang");
        data.put("contactPhone", "13800000001");
        data.put("level", "L1");
        data.put("handlerId", "demo-agent-1");
        data.put("resolvedAt", "2026-11-23T01:50:00Z");
        data.put("onTime", true);
        String eventId = newEventId();
        publish("crm.complaint.resolved.v1", "complaint.case.resolved", eventId, data);
        awaitNotified(eventId);
        awaitHandled("notification-service.partner-webhooks", eventId);
        dispatcher.runOnce();

        Path webhooks = SINK_DIR.resolve("webhooks.jsonl");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(webhooks));
        assertThat(Files.readString(webhooks)).contains("(signature ok)").contains(eventId);
    }
}
