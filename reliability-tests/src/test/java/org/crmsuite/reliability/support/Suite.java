package org.crmsuite.reliability.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.crmsuite.testsupport.TcpProxy;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The suite under fault: Eureka, the gateway, two customer-service instances, two complaint-service instances and
 * sales-service from their runnable jars (child JVMs on random loopback ports), one embedded MongoDB wire server,
 * the machine's RabbitMQ with this run's own exchanges and queue names, {@link Issuer} as the token issuer, and
 * WireMock as identity's staff directory. notification-service joins on demand ({@link #notification()}).
 *
 * <p>Every service reaches MongoDB through its own {@link TcpProxy} (a database outage for one service), and the
 * complaint-service instances and notification-service reach RabbitMQ through one shared proxy (a broker outage without
 * stopping the machine's broker, which other builds use). Booted once per test run and shared by the scenarios
 * (each restores what it broke, or the next one restarts what it needs with {@link #ensureRunning(Node...)}).
 */
public final class Suite {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(300); // seven JVMs on a busy 2-core machine
    private static Suite instance;
    /** complaint-service's business calendar in this run: every day 00:00-24:00 (a 24x7 complaints desk). */
    public static final String CALENDAR = "reliability-24x7";

    public final String runId = UUID.randomUUID().toString().substring(0, 8);
    public final String exchange = "crm.events.reliability-" + runId;
    public final String deadLetterExchange = "crm.dlx.reliability-" + runId;
    public final String customerDepartures = "customer-service.staff-departures-" + runId;
    public final String salesDepartures = "sales-service.staff-departures-" + runId;
    public final String notifyQueue = "notification-service.notify-" + runId;
    public final String webhookQueue = "notification-service.partner-webhooks-" + runId;

    public final Issuer issuer = Issuer.start();
    private final MongoServer mongoServer = new MongoServer(new MemoryBackend());
    private final MongoClient mongo;
    public final WireMockServer identity = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private final CachingConnectionFactory rabbitConnections = new CachingConnectionFactory("127.0.0.1", 5672);
    public final RabbitAdmin rabbitAdmin;
    public final RabbitTemplate rabbit;
    /** complaint-service's and notification-service's way to the broker. */
    public final TcpProxy brokerProxy;
    private final Map<Node, TcpProxy> databaseProxies = new LinkedHashMap<>();

    public final Node discovery;
    public final Node gateway;
    public final Node customerA;
    public final Node customerB;
    public final Node complaintA;
    public final Node complaintB;
    public final Node sales;
    private Node notification;

    private Suite() {
        try {
            mongoServer.bind("127.0.0.1", 0);
            mongo = MongoClients.create("mongodb://127.0.0.1:" + mongoServer.getLocalAddress().getPort());
            identity.start();
            stubIdentity();
            rabbitConnections.setUsername("guest");
            rabbitConnections.setPassword("guest");
            // the platform's DeadLetters waits for the broker's confirm of every re-driven message
            rabbitConnections.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
            rabbitAdmin = new RabbitAdmin(rabbitConnections);
            rabbit = new RabbitTemplate(rabbitConnections);
            brokerProxy = new TcpProxy(5672);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        discovery = new Node("discovery", "discovery", Ports.next());
        customerA = service("customer-a", "customer-service");
        customerB = service("customer-b", "customer-service");
        complaintA = service("complaint-a", "complaint-service").env("SPRING_RABBITMQ_PORT", Integer.toString(brokerProxy.port()));
        complaintB = service("complaint-b", "complaint-service").env("SPRING_RABBITMQ_PORT", Integer.toString(brokerProxy.port()));
        sales = service("sales", "sales-service").env("SPRING_PROFILES_ACTIVE", "local"); // its demo office and units
        gateway = new Node("gateway", "gateway", Ports.next()).env("SPRING_PROFILES_ACTIVE", "local")
                .env("EUREKA_URL", eurekaUrl()).env("CRM_SECURITY_ISSUER", issuer.issuer())
                .env("SPRING_APPLICATION_JSON", "{\"crm\":{\"gateway\":{\"rate-limit\":{\"replenish-rate\":100000,"
                        + "\"burst-capacity\":100000,\"requested-tokens\":1}}},\"spring\":{\"cloud\":{\"loadbalancer\":"
                        + "{\"cache\":{\"ttl\":\"2s\"}}}}}");
    }

    /** The suite, booted at the first call (all JVMs at once) and shared by every scenario of this run. */
    public static synchronized Suite get() {
        if (instance == null) {
            Suite suite = new Suite();
            Runtime.getRuntime().addShutdownHook(new Thread(suite::close, "suite-close"));
            suite.boot();
            instance = suite;
        }
        return instance;
    }

    private void boot() {
        Report.startRun();
        Instant started = Instant.now();
        List<Node> all = List.of(discovery, customerA, customerB, complaintA, complaintB, sales, gateway);
        all.forEach(Node::start);
        Node.awaitReady(all, START_TIMEOUT);
        awaitRegistered("CUSTOMER-SERVICE", 2, Duration.ofSeconds(90));
        awaitRegistered("COMPLAINT-SERVICE", 2, Duration.ofSeconds(90));
        awaitRegistered("SALES-SERVICE", 1, Duration.ofSeconds(90));
        defineCalendar();
        System.out.println("reliability suite ready in " + Duration.between(started, Instant.now()).toSeconds() + " s");
    }

    private void defineCalendar() {
        StringBuilder days = new StringBuilder();
        for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
            days.append(days.isEmpty() ? "" : ",").append('"').append(day).append("\":[\"00:00-24:00\"]");
        }
        Http.Answer defined = Http.put(complaintA.uri("/api/v1/calendars/" + CALENDAR),
                issuer.bearer("rel-admin", "dept-company", "ADMIN"),
                "{\"name\":\"reliability 24x7\",\"zone\":\"Asia/Shanghai\",\"weeklyHours\":{" + days + "}}");
        if (!defined.is2xx()) {
            throw new IllegalStateException("could not define the calendar " + CALENDAR + ": " + defined);
        }
    }

    private Node service(String name, String module) {
        Node node = new Node(name, module, Ports.next());
        TcpProxy database;
        try {
            database = new TcpProxy(mongoServer.getLocalAddress().getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        databaseProxies.put(node, database);
        String json = "{\"crm\":{\"events\":{\"exchange\":\"" + exchange + "\",\"dead-letter-exchange\":\"" + deadLetterExchange
                + "\"},\"customer\":{\"identity-url\":\"" + identity.baseUrl() + "\",\"staff-departures-queue\":\""
                + customerDepartures + "\"},\"sales\":{\"identity-url\":\"" + identity.baseUrl()
                + "\",\"staff-departures-queue\":\"" + salesDepartures + "\"},"
                // the re-verification and SLA passes every few seconds instead of every minute (the run's time budget)
                + "\"complaint\":{\"jobs\":{\"sla-interval\":\"2s\",\"verify-interval\":\"3s\"},"
                // deadlines on a 24x7 business calendar (defined at boot), so SLA warnings fall due on any day of a run
                + "\"policy\":{\"calendar-id\":\"" + CALENDAR + "\"}}},"
                + "\"eureka\":{\"instance\":{\"lease-renewal-interval-in-seconds\":2,\"lease-expiration-duration-in-seconds\":6}},"
                // the breaker to customer-service tries again after 5 s instead of 30 s (the run's time budget)
                + "\"resilience4j\":{\"circuitbreaker\":{\"instances\":{\"customer-service\":{\"wait-duration-in-open-state\":\"5s\"}}}}}";
        return node.env("EUREKA_URL", eurekaUrl())
                // a plain URI, as the launcher and docker-compose pass it: the platform's client timeouts
                // (crm.mongo.*, 3 s to find the server) keep an outage's answers quick (docs/reliability.md, finding 1)
                .env("SPRING_MONGODB_URI", "mongodb://127.0.0.1:" + database.port())
                .env("SPRING_RABBITMQ_HOST", "127.0.0.1")
                .env("CRM_SECURITY_ISSUER", issuer.issuer())
                .env("SPRING_APPLICATION_JSON", json);
    }

    /** identity's staff directory as customer-service and sales-service ask it (CU-10 redistribution). */
    private void stubIdentity() {
        identity.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathMatching("/api/v1/departments/[^/]+/staff")).atPriority(10)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"items\":[{\"id\":\"demo-sales-2\",\"name\":\"Sales Two\"},{\"id\":\"demo-sales-3\",\"name\":\"Sales Three\"}],"
                                + "\"page\":0,\"size\":200,\"totalItems\":2}")));
    }

    private String eurekaUrl() {
        return "http://localhost:" + discovery.port() + "/eureka/";
    }

    /** notification-service (started at the first call), consuming through {@link #brokerProxy}. */
    public synchronized Node notification() {
        if (notification == null) {
            notification = service("notification", "notification-service")
                    .env("SPRING_RABBITMQ_PORT", Integer.toString(brokerProxy.port()));
            String json = "{\"crm\":{\"events\":{\"exchange\":\"" + exchange + "\",\"dead-letter-exchange\":\""
                    + deadLetterExchange + "\"},\"notification\":{\"notify-queue\":\"" + notifyQueue + "\",\"webhook-queue\":\""
                    + webhookQueue + "\",\"identity-url\":\"" + identity.baseUrl() + "\"}},"
                    + "\"eureka\":{\"instance\":{\"lease-renewal-interval-in-seconds\":2,\"lease-expiration-duration-in-seconds\":6}}}";
            notification.env("SPRING_APPLICATION_JSON", json);
        }
        ensureRunning(notification);
        return notification;
    }

    /** Starts whichever of {@code nodes} is not running, and waits until they are ready and registered. */
    public void ensureRunning(Node... nodes) {
        List<Node> starting = new ArrayList<>();
        for (Node node : nodes) {
            if (!node.isAlive()) {
                node.start();
                starting.add(node);
            }
        }
        Node.awaitReady(starting, START_TIMEOUT);
        if (starting.contains(customerA) || starting.contains(customerB)) {
            awaitRegistered("CUSTOMER-SERVICE", (customerA.isAlive() ? 1 : 0) + (customerB.isAlive() ? 1 : 0), Duration.ofSeconds(60));
        }
        if (starting.contains(complaintA) || starting.contains(complaintB)) {
            awaitRegistered("COMPLAINT-SERVICE", (complaintA.isAlive() ? 1 : 0) + (complaintB.isAlive() ? 1 : 0), Duration.ofSeconds(60));
        }
    }

    /** Waits until Eureka lists {@code count} UP instances of {@code application}. */
    public void awaitRegistered(String application, int count, Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (true) {
            Http.Answer answer = Http.send(java.net.http.HttpRequest.newBuilder(discovery.uri("/eureka/apps/" + application))
                    .header("Accept", "application/json").GET(), Duration.ofSeconds(5));
            int up = 0;
            if (answer.status() == 200) {
                for (var instanceNode : answer.json().path("application").path("instance")) {
                    if ("UP".equals(instanceNode.path("status").asString())) {
                        up++;
                    }
                }
            }
            if (up >= count) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(application + " has " + up + " UP instances in Eureka, expected " + count);
            }
            pause(500);
        }
    }

    public TcpProxy databaseOf(Node node) {
        return databaseProxies.get(node);
    }

    /** A URI through the gateway. */
    public URI viaGateway(String path) {
        return gateway.uri(path);
    }

    /** The number of documents in {@code database.collection}, read straight from the MongoDB server. */
    public long count(String database, String collection, Document filter) {
        return mongo.getDatabase(database).getCollection(collection).countDocuments(filter);
    }

    /** Documents per collection of {@code database}. */
    public Map<String, Long> counts(String database) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String collection : mongo.getDatabase(database).listCollectionNames()) {
            counts.put(collection, mongo.getDatabase(database).getCollection(collection).countDocuments());
        }
        return counts;
    }

    public MongoClient mongo() {
        return mongo;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void close() {
        List<Thread> stopping = new ArrayList<>();
        List<Node> nodes = new ArrayList<>(List.of(gateway, customerA, customerB, complaintA, complaintB, sales, discovery));
        if (notification != null) {
            nodes.add(notification);
        }
        for (Node node : nodes) {
            Thread thread = new Thread(node::kill, "stop-" + node.name());
            thread.start();
            stopping.add(thread);
        }
        for (Thread thread : stopping) {
            try {
                thread.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            rabbitAdmin.deleteQueue("reliability.sla-observer-" + runId);
            rabbitAdmin.deleteQueue("reliability.received-observer-" + runId);
            for (String queue : List.of(customerDepartures, salesDepartures, notifyQueue, webhookQueue)) {
                rabbitAdmin.deleteQueue(queue);
                rabbitAdmin.deleteQueue(queue + ".dlq");
            }
            rabbitAdmin.deleteExchange(exchange);
            rabbitAdmin.deleteExchange(deadLetterExchange);
        } catch (RuntimeException e) {
            System.err.println("could not delete this run's broker objects: " + e);
        }
        rabbitConnections.destroy();
        identity.stop();
        mongo.close();
        mongoServer.shutdownNow();
        issuer.close();
    }
}
