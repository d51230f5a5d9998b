package org.crmsuite.notification.demo;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import org.crmsuite.notification.channels.LocalSink;
import org.crmsuite.notification.partners.WebhookSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import com.sun.net.httpserver.HttpServer;

/**
 * Local profile only: the demo partner's webhook endpoint on {@code 127.0.0.1:<partner-sink-port>/hooks}. It checks
 * each delivery's signature exactly as docs/notifications.md tells partners to, appends it to
 * {@code <sink dir>/webhooks.jsonl} and answers 204 (401 for a bad signature).
 */
@Component
@Profile("local")
class DemoPartnerSink implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoPartnerSink.class);

    private final LocalSink sink;
    private final int port;
    private final String secret;
    private HttpServer server;

    DemoPartnerSink(LocalSink sink, @Value("${crm.notification.demo.partner-sink-port:8099}") int port,
            @Value("${crm.notification.demo.partner-secret}") String secret) {
        this.sink = sink;
        this.port = port;
        this.secret = secret;
    }

    @Override
    public void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            log.warn("demo partner sink not started on 127.0.0.1:{}: {}", port, e.getMessage());
            return;
        }
        server.createContext("/hooks", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
                String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
                boolean valid = id != null && timestamp != null && signatures != null && java.util.Arrays.asList(signatures.split(" "))
                        .contains(WebhookSignature.sign(secret, id, Long.parseLong(timestamp), body));
                sink.write("webhooks", id + (valid ? " (signature ok)" : " (BAD SIGNATURE)"), null, body);
                exchange.sendResponseHeaders(valid ? 204 : 401, -1);
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(400, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
        log.info("demo partner sink listening on http://127.0.0.1:{}/hooks", port);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }
}
