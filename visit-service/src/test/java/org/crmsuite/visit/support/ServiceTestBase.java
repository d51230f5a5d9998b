package org.crmsuite.visit.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.crmsuite.testsupport.Api;
import org.crmsuite.testsupport.MutableClock;
import org.bson.Document;
import org.crmsuite.platform.events.ConsumerQueues;
import org.crmsuite.visit.VisitServiceApplication;
import org.crmsuite.visit.customers.Category;
import org.crmsuite.visit.customers.CustomerView;
import org.crmsuite.visit.customers.CustomerViews;
import org.crmsuite.visit.customers.Grade;
import org.crmsuite.testsupport.TestBroker;
import org.crmsuite.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * The service as deployed, on a random loopback port, with the embedded MongoDB, this machine's RabbitMQ under per-run
 * exchange and queue names, WireMock standing in for customer-service and the issuer's token endpoint, and a clock the
 * test sets. Every integration test extends this, so they all share one application context.
 * <p>
 * The test calendar (application-test.yml): Shanghai office hours, holidays Friday 25 September and 1–7 October 2026
 * (with the weekend between), make-up working days Sunday 20 September and Saturday 10 October. The outbox relay does
 * not run: tests read the events a change raised from the document's outbox.
 */
@SpringBootTest(classes = VisitServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ServiceTestBase.TestClock.class)
public abstract class ServiceTestBase {

    /** Monday 21 September 2026 10:00 in Shanghai: a plain working morning. */
    public static final Instant MONDAY_MORNING = Instant.parse("2026-09-21T02:00:00Z");

    public static final WireMockServer CUSTOMER_SERVICE = new WireMockServer(
            WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    public static final TestBroker BROKER = new TestBroker();
    public static final String CUSTOMER_VIEW_QUEUE = "visit-service.customer-view-" + BROKER.suffix;
    public static final String OWNER_CHANGE_QUEUE = "visit-service.owner-change-visits-" + BROKER.suffix;
    public static final String REVISIT_QUEUE = "visit-service.complaint-revisits-" + BROKER.suffix;

    static {
        CUSTOMER_SERVICE.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            CUSTOMER_SERVICE.stop();
            RabbitAdmin admin = new RabbitAdmin(BROKER.template());
            for (String queue : List.of(CUSTOMER_VIEW_QUEUE, OWNER_CHANGE_QUEUE, REVISIT_QUEUE)) {
                admin.deleteQueue(queue);
                admin.deleteQueue(queue + ConsumerQueues.DLQ_SUFFIX);
            }
            BROKER.close();
        }));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        MutableClock clock() {
            return new MutableClock(MONDAY_MORNING);
        }
    }

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) {
        registry.add("crm.visit.customers.url", CUSTOMER_SERVICE::baseUrl);
        registry.add("crm.security.token-uri", () -> CUSTOMER_SERVICE.baseUrl() + "/oauth2/token");
        registry.add("crm.security.client-secret", () -> "local-test-secret");
        registry.add("crm.events.exchange", () -> BROKER.exchange);
        registry.add("crm.events.dead-letter-exchange", () -> BROKER.deadLetterExchange);
        registry.add("crm.visit.queues.customer-view", () -> CUSTOMER_VIEW_QUEUE);
        registry.add("crm.visit.queues.owner-change-visits", () -> OWNER_CHANGE_QUEUE);
        registry.add("crm.visit.queues.complaint-revisits", () -> REVISIT_QUEUE);
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected MongoTemplate mongo;
    @Autowired
    protected CustomerViews customers;
    protected Api api;

    @BeforeEach
    void setUpService() {
        api = new Api(port);
        clock.set(MONDAY_MORNING);
        CUSTOMER_SERVICE.resetAll();
        CUSTOMER_SERVICE.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"visit-service-token\",\"token_type\":\"Bearer\",\"expires_in\":900}")));
    }

    // ---------------------------------------------------------------- callers

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String sales(String id, String department) {
        return TestTokens.bearer(id, department, "SALES");
    }

    public static String agent(String id, String department) {
        return TestTokens.bearer(id, department, "AGENT");
    }

    public static String manager(String id, String department) {
        return TestTokens.bearer(id, department, "MANAGER");
    }

    public static String director() {
        return TestTokens.bearer("staff-director", "d-company", "DIRECTOR");
    }

    public static String admin() {
        return TestTokens.bearer("staff-admin", "d-company", "ADMIN");
    }

    public static String finance() {
        return TestTokens.bearer("staff-finance", "d-finance", "FINANCE");
    }

    // ---------------------------------------------------------------- customers

    /** A customer this service knows (as if its created event had come), with no plans yet. */
    protected CustomerView knownCustomer(String department, String owner, Category category, Grade grade, String region) {
        CustomerView view = new CustomerView(unique("cust"));
        view.setName("测试客户 Test Customer " + view.getId());
        view.setDepartmentId(department);
        view.setOwnerId(owner);
        view.setCategory(category);
        view.setGrade(grade);
        view.setRegion(region);
        view.setStatus("ACTIVE");
        view.setComplete(true);
        customers.seed(view);
        return customers.find(view.getId()).orElseThrow();
    }

    /** customer-service answers GET /api/v1/customers/{id} with this profile (masked fields left out). */
    protected static void customerServiceKnows(String id, String department, String owner, String category, String grade,
            String region, String blacklistJson) {
        String body = """
                {"id":"%s","version":3,"name":"华信钢铁 Huaxin Steel %s","registrationNumber":"91310000000000001X",
                 "region":"%s","ownerId":"%s","departmentId":"%s","category":"%s","grade":"%s","priority":1,
                 "tier":"ORDINARY","status":"ACTIVE","blacklist":%s,"contacts":[{"name":"张*","phone":"139****0001"}],
                 "masked":true,"addedLater":"tolerated"}
                """.formatted(id, id, region, owner, department, category, grade, blacklistJson == null ? "[]" : blacklistJson);
        CUSTOMER_SERVICE.stubFor(get(urlPathEqualTo("/api/v1/customers/" + id))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
    }

    // ---------------------------------------------------------------- events

    /** Publishes a CloudEvent on this run's exchange, as another service's outbox relay would. */
    protected static void publish(String eventId, String type, String routingKey, String subject, String dataJson) {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(eventId);
        properties.setContentType("application/cloudevents+json");
        String body = "{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\",\"source\":\"/test\",\"type\":\"" + type
                + "\",\"subject\":\"" + subject + "\",\"time\":\"2026-09-21T02:00:00Z\",\"datacontenttype\":\"application/json\","
                + "\"data\":" + dataJson + "}";
        BROKER.template().send(BROKER.exchange, routingKey, new Message(body.getBytes(StandardCharsets.UTF_8), properties));
    }

    /** The events a document raised that wait in its outbox (the relay is off in tests). */
    public List<Document> events(String collection, String id) {
        Document raw = mongo.findById(id, Document.class, collection);
        return raw == null ? List.of() : new ArrayList<>(raw.getList("outbox", Document.class, List.of()));
    }

    public List<String> eventTypes(String collection, String id) {
        return events(collection, id).stream().map(e -> e.getString("type")).toList();
    }

    /** The plans of a customer as stored, by due date. */
    public List<Document> plansOf(String customerId) {
        return mongo.find(Query.query(Criteria.where("customerId").is(customerId))
                .with(org.springframework.data.domain.Sort.by("dueBy")), Document.class, "visit_plans");
    }

    public List<Document> openPlansOf(String customerId) {
        return plansOf(customerId).stream().filter(p -> "PLANNED".equals(p.getString("status"))).toList();
    }
}
