package org.crmsuite.systemtests.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The suite as the security tests see it: the services the matrix names (identity, customer-service, complaint-service,
 * sales-service, visit-service, notification-service) and the gateway from their runnable jars (child JVMs on random
 * loopback ports, profile {@code local}, so every service seeds its demo data), one embedded MongoDB wire server, per-run
 * RabbitMQ exchanges (and per-run queues where a service lets them be named), and {@link SuiteIssuer} as the token issuer
 * of every resource server (identity trusts it through {@code CRM_API_TOKEN_ISSUER}). The gateway's rate limit is raised
 * far above what a test sends, unless the caller asks otherwise.
 */
public final class SecuritySuite implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(240); // seven JVMs on a busy 2-core machine
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final SuiteIssuer issuer;
    private final MongoServer mongo;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final List<ChildJvm> children = new ArrayList<>();
    private final Map<String, ChildJvm> services = new LinkedHashMap<>();
    private final List<String> queues = new ArrayList<>();
    private final int partnerSinkPort = FreePorts.next();
    private ChildJvm gateway;

    private SecuritySuite() {
        issuer = SuiteIssuer.start();
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
    }

    /**
     * Starts every module at once and waits until each is ready.
     *
     * @param gatewayRateLimitJson the gateway's {@code crm.gateway.rate-limit} settings as a JSON object
     */
    public static SecuritySuite start(List<String> serviceModules, String gatewayRateLimitJson) {
        SecuritySuite suite = new SecuritySuite();
        try {
            suite.boot(serviceModules, gatewayRateLimitJson);
            return suite;
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    private void boot(List<String> serviceModules, String gatewayRateLimitJson) {
        Instant started = Instant.now();
        InetSocketAddress mongoAddress = mongo.getLocalAddress();
        // No Eureka: every child finds the others through Spring Cloud's simple discovery client (the same lb://
        // routes and Feign clients, one JVM fewer to start on a busy machine, no wait for registrations).
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String module : serviceModules) {
            ports.put(module, FreePorts.next());
        }
        int gatewayPort = FreePorts.next();
        StringBuilder instances = new StringBuilder();
        ports.forEach((module, port) -> instances.append(instances.isEmpty() ? "" : ",").append('"').append(module)
                .append("\":[{\"uri\":\"http://127.0.0.1:").append(port).append("\"}]"));
        String simpleDiscovery = "\"discovery\":{\"client\":{\"simple\":{\"instances\":{" + instances + "}}}}";
        String discovery = "\"eureka\":{\"client\":{\"enabled\":false}},\"spring\":{\"cloud\":{" + simpleDiscovery + "}}";
        String events = "\"events\":{\"exchange\":\"" + exchange() + "\",\"dead-letter-exchange\":\""
                + deadLetterExchange() + "\"}";

        for (String module : serviceModules) {
            ChildJvm.Starter starter = ChildJvm.module(module).port(ports.get(module))
                    .env("SPRING_PROFILES_ACTIVE", "local")
                    .env("SPRING_MONGODB_URI", "mongodb://127.0.0.1:" + mongoAddress.getPort())
                    .env("SPRING_RABBITMQ_HOST", "127.0.0.1")
                    .env("SPRING_APPLICATION_JSON", "{" + settingsOf(module, simpleDiscovery) + ",\"crm\":{" + events
                            + crmSettingsOf(module) + "}}")
                    .env("CRM_SECURITY_ISSUER", issuer.issuer());
            if (module.equals("identity")) {
                starter.env("CRM_API_TOKEN_ISSUER", issuer.issuer());
            }
            ChildJvm child = starter.start();
            children.add(child);
            services.put(module, child);
        }
        gateway = ChildJvm.module("gateway").port(gatewayPort)
                .env("SPRING_PROFILES_ACTIVE", "local")
                .env("CRM_SECURITY_ISSUER", issuer.issuer())
                .env("SPRING_APPLICATION_JSON", "{" + discovery + ",\"crm\":{\"gateway\":{\"rate-limit\":"
                        + gatewayRateLimitJson + "}}}")
                .start();
        children.add(gateway);
        ChildJvm.awaitReady(children, START_TIMEOUT);
        System.out.println("security suite ready in " + Duration.between(started, Instant.now()).toSeconds() + " s");
    }

    /**
     * Discovery for every service. sales-service (SA-9 business status) and visit-service (the back-fill of a customer it
     * has not heard of yet, on every request about a matrix fixture's new customer) also get more time for their Feign
     * calls to customer-service: their production limits (1.5 s read, 2 s time limiter) are meant for a quiet network,
     * and on this shared 2-core machine a cold first call can exceed them, which would turn an allowed matrix cell into
     * a 503 that says nothing about authorisation.
     */
    private static String settingsOf(String module, String simpleDiscovery) {
        String eureka = "\"eureka\":{\"client\":{\"enabled\":false}}";
        if (!module.equals("sales-service") && !module.equals("visit-service")) {
            return eureka + ",\"spring\":{\"cloud\":{" + simpleDiscovery + "}}";
        }
        return eureka + ",\"spring\":{\"cloud\":{" + simpleDiscovery + ",\"openfeign\":{\"client\":{\"config\":"
                + "{\"customer-service\":{\"connect-timeout\":2000,\"read-timeout\":8000}}}}}},"
                + "\"resilience4j\":{\"timelimiter\":{\"instances\":{\"customer-service\":{\"timeout-duration\":\"10s\"}}}}";
    }

    /**
     * This run's own consumer queues for visit-service and notification-service (deleted again by {@link #close()}), so
     * the suite never competes with another run on the machine's broker for their messages; and for
     * notification-service the local demo partner sink on a free port instead of the fixed 8099, with that host:port
     * as the only allow-listed callback (crm.notification.webhook.allowed-hosts: every other address inside the
     * machine stays refused). Matrix rows subscribe to the sink's URL, read from the demo subscription sub-demo-partner.
     */
    private String crmSettingsOf(String module) {
        if (module.equals("visit-service")) {
            return ",\"visit\":{\"queues\":{\"customer-view\":\"" + queue("visit-service.customer-view")
                    + "\",\"owner-change-visits\":\"" + queue("visit-service.owner-change-visits")
                    + "\",\"complaint-revisits\":\"" + queue("visit-service.complaint-revisits") + "\"}}";
        }
        if (module.equals("notification-service")) {
            return ",\"notification\":{\"consumers\":1,\"notify-queue\":\"" + queue("notification-service.notify")
                    + "\",\"webhook-queue\":\"" + queue("notification-service.partner-webhooks")
                    + "\",\"webhook\":{\"allowed-hosts\":[\"127.0.0.1:" + partnerSinkPort + "\"]},"
                    + "\"demo\":{\"partner-sink-port\":" + partnerSinkPort
                    + ",\"partner-sink-url\":\"http://127.0.0.1:" + partnerSinkPort + "/hooks\"}}";
        }
        return "";
    }

    /** {@code name} for this run only; remembered, so that {@link #close()} deletes it and its dead-letter queue. */
    private String queue(String name) {
        String queue = name + ".security-matrix-" + runId;
        queues.add(queue);
        return queue;
    }

    public String exchange() {
        return "crm.events.security-matrix-" + runId;
    }

    public String deadLetterExchange() {
        return "crm.dlx.security-matrix-" + runId;
    }

    public SuiteIssuer issuer() {
        return issuer;
    }

    public ChildJvm gateway() {
        return gateway;
    }

    public ChildJvm service(String module) {
        ChildJvm child = services.get(module);
        if (child == null) {
            throw new IllegalArgumentException(module + " is not started in this suite; started: " + services.keySet());
        }
        return child;
    }

    /** Sends a request and returns the answer; a hang or a broken connection is an IllegalStateException. */
    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " did not answer in time (a hang)", e);
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT);
    }

    /**
     * Waits until a GET through the gateway with {@code bearer} answers 200 for every path: the gateway routes to
     * every service.
     */
    public void awaitRoutes(List<String> paths, String bearer, Duration within) {
        Instant deadline = Instant.now().plus(within);
        for (String path : paths) {
            int last = -1;
            while (true) {
                HttpResponse<String> response = send(request(gateway.uri(path)).header("Authorization", bearer).GET().build());
                last = response.statusCode();
                if (last == 200) {
                    break;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the gateway did not route " + path + " within " + within.toSeconds()
                            + " s; last answer " + last + " " + response.body() + System.lineSeparator() + gateway.tail(40));
                }
                pause(Duration.ofMillis(500));
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The last lines of every child's output (for a failure message). */
    public String tails(int lines) {
        StringBuilder out = new StringBuilder();
        for (ChildJvm child : children) {
            out.append("---- ").append(child.name()).append(System.lineSeparator()).append(child.tail(lines))
                    .append(System.lineSeparator());
        }
        return out.toString();
    }

    @Override
    public void close() {
        // all at once: nothing is asked of the suite any more
        List<Thread> stopping = new ArrayList<>();
        for (ChildJvm child : children) {
            Thread thread = new Thread(() -> {
                try {
                    child.close();
                } catch (RuntimeException e) {
                    System.err.println("could not stop " + child.name() + ": " + e);
                }
            }, "stop-" + child.name());
            thread.start();
            stopping.add(thread);
        }
        for (Thread thread : stopping) {
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        mongo.shutdownNow();
        issuer.close();
        CachingConnectionFactory connections = new CachingConnectionFactory("127.0.0.1", 5672);
        try {
            RabbitAdmin admin = new RabbitAdmin(connections);
            admin.deleteExchange(exchange());
            admin.deleteExchange(deadLetterExchange());
            for (String queue : queues) {
                admin.deleteQueue(queue);
                admin.deleteQueue(queue + ".dlq");
            }
        } catch (RuntimeException e) {
            System.err.println("could not delete this run's exchanges: " + e);
        } finally {
            connections.destroy();
        }
    }
}
