package org.crmsuite.sales.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crmsuite.testsupport.MutableClock;
import org.bson.Document;
import org.crmsuite.testsupport.TestBroker;
import org.crmsuite.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import tools.jackson.databind.json.JsonMapper;

/**
 * The service as deployed, on a random loopback port: the embedded MongoDB wire server, the machine's RabbitMQ under
 * per-run names, WireMock standing in for customer-service, identity's directory and the token endpoint, and a clock
 * the test moves (Monday 2 March 2026, 10:00 Shanghai). Every integration test extends this and shares one context;
 * each test starts from empty collections with the office {@value #OFFICE} of {@value #EAST}. The outbox relay does not
 * run: tests read raised events from the aggregates' outboxes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(SalesTestBase.TestClockConfig.class)
public abstract class SalesTestBase {

    public static final String EAST = "dept-east-sales";
    public static final String OFFICE = "office-test";
    public static final String PROJECT = "proj-test";
    public static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    public static final TestBroker BROKER = new TestBroker();
    public static final String DEPARTURES_QUEUE = "sales-service-test.staff-departures-" + BROKER.suffix;
    /** customer-service, identity's directory and the issuer's token endpoint. */
    public static final WireMockServer OTHERS = new WireMockServer(
            WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());

    static {
        OTHERS.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            OTHERS.stop();
            var admin = new org.springframework.amqp.rabbit.core.RabbitAdmin(BROKER.template().getConnectionFactory());
            admin.deleteQueue(DEPARTURES_QUEUE);
            admin.deleteQueue(DEPARTURES_QUEUE + ".dlq");
            BROKER.close();
        }, "sales-test-cleanup"));
    }

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) {
        registry.add("crm.events.exchange", () -> BROKER.exchange);
        registry.add("crm.events.dead-letter-exchange", () -> BROKER.deadLetterExchange);
        registry.add("crm.sales.staff-departures-queue", () -> DEPARTURES_QUEUE);
        registry.add("crm.sales.customers.url", OTHERS::baseUrl);
        registry.add("crm.sales.identity-url", OTHERS::baseUrl);
        registry.add("crm.security.token-uri", () -> OTHERS.baseUrl() + "/oauth2/token");
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class TestClockConfig {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(java.time.Instant.parse("2026-03-02T02:00:00Z")) /* Monday 2 March 2026, 10:00 in Shanghai */;
        }
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected MongoTemplate mongo;
    @Autowired
    protected JsonMapper json;
    @Autowired
    protected MutableClock clock;
    protected Http api;

    @BeforeEach
    void cleanStart() {
        api = new Http(port, json);
        clock.reset();
        for (String collection : List.of("offices", "rotas", "registrations", "registration_confirmations", "receptions",
                "referrals", "units", "deposits", "disputes", "sales_policy", "locks", "processed_events")) {
            mongo.remove(new Query(), collection);
        }
        OTHERS.resetAll();
        OTHERS.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"sales-service-token\",\"token_type\":\"Bearer\",\"expires_in\":900}")));
        customerAnswers("ok-.*", true, null);
        customerAnswers("black-.*", false, "blacklisted");
        customerAnswers("susp-.*", false, "suspended");
        OTHERS.stubFor(get(urlPathMatching("/api/v1/customers/missing-.*/business-status")).willReturn(aResponse()
                .withStatus(404).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":404,\"code\":\"customer.not-found\"}")));
        assertThat(api.post("/api/v1/reception/offices", admin(), Map.of("id", OFFICE, "name", "Test office",
                "departmentId", EAST, "projectId", PROJECT, "projectName", "Test project")).status()).isEqualTo(201);
    }

    protected static void customerAnswers(String idPattern, boolean allowed, String reason) {
        OTHERS.stubFor(get(urlPathMatching("/api/v1/customers/" + idPattern + "/business-status")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"customerId\":\"x\",\"allowed\":" + allowed
                        + ",\"reason\":" + (reason == null ? "null" : "\"" + reason + "\"") + ",\"detail\":"
                        + (reason == null ? "null" : "\"" + reason + " by customer-service\"")
                        + ",\"name\":\"Buyer\",\"grade\":\"QUALIFIED\",\"addedLater\":1}")));
    }

    // ---------------------------------------------------------------- callers

    public static String sales(String id) {
        return TestTokens.bearer(id, EAST, "SALES");
    }

    public static String manager() {
        return TestTokens.bearer("demo-manager-east", EAST, "MANAGER");
    }

    public static String otherManager() {
        return TestTokens.bearer("demo-manager-service", "dept-customer-service", "MANAGER");
    }

    public static String finance() {
        return TestTokens.bearer("demo-finance", "dept-company", "FINANCE");
    }

    public static String admin() {
        return TestTokens.bearer("demo-admin", "dept-company", "ADMIN");
    }

    public static String agent() {
        return TestTokens.bearer("demo-agent-1", "dept-customer-service", "AGENT");
    }

    // ---------------------------------------------------------------- desk

    protected void rota(String... reps) {
        rotaFor(TODAY, reps);
    }

    protected void rotaFor(LocalDate day, String... reps) {
        Http.Response r = api.post("/api/v1/reception/offices/" + OFFICE + "/rota/" + day, manager(),
                Map.of("order", List.of(reps)));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
    }

    /** A visit received {@code daysAgo} days before today, by {@code rep} alone on that day's rota. */
    protected String visitedBefore(int daysAgo, String rep, String name, String phone) {
        clock.set(clock.start().minus(java.time.Duration.ofDays(daysAgo)));
        rotaFor(TODAY.minusDays(daysAgo), rep);
        String registrationId = received(walkIn(name, phone, "NO")).text("registrationId");
        clock.reset();
        return registrationId;
    }

    protected void mark(String rep, String state) {
        Http.Response r = api.put("/api/v1/reception/offices/" + OFFICE + "/rota/" + TODAY + "/reps/" + rep + "/state",
                manager(), Map.of("state", state));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    protected static Map<String, Object> walkIn(String name, String phone, String visitedBefore) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("visitorName", name);
        if (phone != null) {
            body.put("phone", phone);
        }
        body.put("visitedBefore", visitedBefore);
        return body;
    }

    protected Http.Response receive(Map<String, Object> walkIn) {
        return api.post("/api/v1/reception/offices/" + OFFICE + "/walk-ins", sales("demo-sales-1"), walkIn);
    }

    protected Http.Response received(Map<String, Object> walkIn) {
        Http.Response r = receive(walkIn);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r;
    }

    protected Http.Response rotaView() {
        return api.get("/api/v1/reception/offices/" + OFFICE + "/rota/" + TODAY, manager());
    }

    protected String unit(String number) {
        Http.Response r = api.post("/api/v1/units", manager(), Map.of("projectId", PROJECT, "building", "1",
                "unitNumber", number, "area", "99.50", "price", "5200000.00"));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("id");
    }

    protected static Map<String, Object> deposit(String unitId, String customerId, String phone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unitId", unitId);
        body.put("customerId", customerId);
        body.put("buyerName", "Buyer " + customerId);
        if (phone != null) {
            body.put("buyerPhone", phone);
        }
        body.put("stage", "SMALL_DEPOSIT");
        body.put("amount", "20000.00");
        return body;
    }

    /** The pending events in a document's outbox (the relay is off in tests), oldest first. */
    protected List<Document> outbox(String collection, String id) {
        Document doc = mongo.findById(id, Document.class, collection);
        return doc == null ? List.of() : new ArrayList<>(doc.getList("outbox", Document.class, List.of()));
    }

    protected List<Document> events(String collection, String id, String type) {
        return outbox(collection, id).stream().filter(e -> type.equals(e.getString("type"))).toList();
    }
}
