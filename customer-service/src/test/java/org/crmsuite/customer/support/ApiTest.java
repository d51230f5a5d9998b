package org.crmsuite.customer.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crmsuite.testsupport.MutableClock;
import org.bson.Document;
import org.crmsuite.customer.profile.Category;
import org.crmsuite.customer.profile.Customer;
import org.crmsuite.customer.profile.Customers;
import org.crmsuite.customer.profile.Grade;
import org.crmsuite.customer.profile.NewCustomer;
import org.crmsuite.customer.profile.ProfileDetails;
import org.crmsuite.customer.profile.Values.Contact;
import org.crmsuite.customer.profile.Values.QualificationDocument;
import org.crmsuite.testsupport.TestBroker;
import org.crmsuite.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the service's integration tests: the whole application on the embedded MongoDB wire server, the machine's
 * RabbitMQ with per-run exchange names, tokens from the loopback test issuer and a clock the test moves. Every test
 * class shares one application context (same configuration), and each test starts from empty collections.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@AutoConfigureTestRestTemplate
@ActiveProfiles("test")
@Import(ApiTest.TestClockConfig.class)
public abstract class ApiTest {

    public static final String EAST = "dept-east-sales";
    public static final String SERVICE_DEPT = "dept-customer-service";
    public static final String COMPANY = "dept-company";

    public static final TestBroker BROKER = new TestBroker();
    public static final String STAFF_DEPARTURES_QUEUE = "customer-service-test.staff-departures-" + BROKER.suffix;

    /** Stands in for the identity module: its token endpoint (this service's own token) and its staff directory. */
    public static final com.github.tomakehurst.wiremock.WireMockServer IDENTITY = new com.github.tomakehurst.wiremock.WireMockServer(
            com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());

    static {
        IDENTITY.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            IDENTITY.stop();
            new org.springframework.amqp.rabbit.core.RabbitAdmin(BROKER.template().getConnectionFactory())
                    .deleteQueue(STAFF_DEPARTURES_QUEUE);
            new org.springframework.amqp.rabbit.core.RabbitAdmin(BROKER.template().getConnectionFactory())
                    .deleteQueue(STAFF_DEPARTURES_QUEUE + ".dlq");
            BROKER.close();
        }, "test-broker-cleanup"));
    }

    @DynamicPropertySource
    static void perRunBrokerNames(DynamicPropertyRegistry registry) {
        registry.add("crm.events.exchange", () -> BROKER.exchange);
        registry.add("crm.events.dead-letter-exchange", () -> BROKER.deadLetterExchange);
        registry.add("crm.customer.staff-departures-queue", () -> STAFF_DEPARTURES_QUEUE);
        registry.add("crm.customer.identity-url", IDENTITY::baseUrl);
        registry.add("crm.security.token-uri", () -> IDENTITY.baseUrl() + "/oauth2/token");
    }

    @TestConfiguration
    public static class TestClockConfig {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(java.time.Instant.parse("2026-03-02T02:00:00Z")) /* Monday 2 March 2026, 10:00 in Shanghai */;
        }
    }

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected MongoTemplate mongo;
    @Autowired
    protected JsonMapper json;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected Customers customers;
    @Autowired
    protected Clock injectedClock;

    @BeforeEach
    void emptyCollections() {
        clock.reset();
        for (String collection : List.of("customers", "admissions", "profile_reads", "communications", "cooperations",
                "locks", "customer_policy")) {
            mongo.remove(new Query(), collection);
        }
    }

    // ---- callers ----

    public static String sales(String id) {
        return TestTokens.bearer(id, EAST, "SALES");
    }

    public static String managerEast() {
        return TestTokens.bearer("demo-manager-east", EAST, "MANAGER");
    }

    public static String managerService() {
        return TestTokens.bearer("demo-manager-service", SERVICE_DEPT, "MANAGER");
    }

    public static String director() {
        return TestTokens.bearer("demo-director", COMPANY, "DIRECTOR");
    }

    public static String gm() {
        return TestTokens.bearer("demo-gm", COMPANY, "GM");
    }

    public static String finance() {
        return TestTokens.bearer("demo-finance", COMPANY, "FINANCE");
    }

    public static String admin() {
        return TestTokens.bearer("demo-admin", COMPANY, "ADMIN");
    }

    public static String agent() {
        return TestTokens.bearer("demo-agent-1", SERVICE_DEPT, "AGENT");
    }

    // ---- HTTP ----

    protected ResultActions GET(String path, String token) throws Exception {
        return mvc.perform(get(java.net.URI.create(path)).header(HttpHeaders.AUTHORIZATION, token));
    }

    protected ResultActions POST(String path, String token, Object body) throws Exception {
        return mvc.perform(post(path).header(HttpHeaders.AUTHORIZATION, token).contentType(MediaType.APPLICATION_JSON)
                .content(body instanceof String s ? s : json.writeValueAsString(body)));
    }

    protected ResultActions PUT(String path, String token, Object body) throws Exception {
        return mvc.perform(put(path).header(HttpHeaders.AUTHORIZATION, token).contentType(MediaType.APPLICATION_JSON)
                .content(body instanceof String s ? s : json.writeValueAsString(body)));
    }

    protected ResultActions DELETE(String path, String token) throws Exception {
        return mvc.perform(delete(path).header(HttpHeaders.AUTHORIZATION, token));
    }

    protected JsonNode body(ResultActions result) throws Exception {
        MvcResult done = result.andReturn();
        return json.readTree(done.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** A creation body: name, registration number and one key contact with {@code phone}. */
    protected static Map<String, Object> customer(String name, String registration, String phone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("registrationNumber", registration);
        body.put("address", "上海市浦东新区世纪大道 1 号");
        body.put("industry", "construction");
        if (phone != null) {
            body.put("contacts", List.of(Map.of("name", "张伟", "title", "采购经理", "phone", phone,
                    "email", "zhang.wei@example.com", "idNumber", "310101199001011234", "birthday", "1985-12-28", "key", true)));
        }
        return body;
    }

    // ---- fixtures written straight through the aggregate store (fast set-up, same events) ----

    private int seeded;

    protected Customer seed(String department, String owner, Grade grade) {
        seeded++;
        String registration = String.format("FX%s%06d", Integer.toHexString(System.identityHashCode(this)).toUpperCase(), seeded);
        return seed(department, owner, grade, "Fixture Customer " + seeded + " " + registration, registration, List.of());
    }

    protected Customer seed(String department, String owner, Grade grade, String name, String registration,
            List<QualificationDocument> documents) {
        return seed(department, owner, grade, name, registration, documents, List.of());
    }

    /** {@code count} customers buying {@code productLines} (CU-4 counts quotas per product line too). */
    protected List<Customer> seedInProductLines(String department, String owner, Grade grade, int count,
            List<String> productLines) {
        List<Customer> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            seeded++;
            String registration = String.format("PL%s%06d", Integer.toHexString(System.identityHashCode(this)).toUpperCase(), seeded);
            made.add(seed(department, owner, grade, "Line Customer " + seeded + " " + registration, registration, List.of(),
                    productLines));
        }
        return made;
    }

    protected Customer seed(String department, String owner, Grade grade, String name, String registration,
            List<QualificationDocument> documents, List<String> productLines) {
        Contact contact = new Contact("c-" + registration, "Contact " + registration, "buyer",
                "137" + String.format("%08d", Math.abs(registration.hashCode()) % 100_000_000), null, null, null, null, false, false);
        NewCustomer details = new NewCustomer(customers.tenantId(), new ProfileDetails(name, registration, null, null,
                "construction", null, null, null, null, List.of(), productLines), List.of(contact), List.of(), owner, department,
                Category.GENERAL, grade, documents, "fixture", null, null, clock.instant().plusSeconds(180L * 86_400));
        return customers.save(Customer.register(details, clock.instant()));
    }

    protected List<Customer> seedMany(String department, String owner, Grade grade, int count) {
        List<Customer> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            made.add(seed(department, owner, grade));
        }
        return made;
    }

    /** The pending events in a document's outbox (the relay is off in tests), oldest first. */
    protected List<Document> outbox(String collection, String id) {
        Document doc = mongo.findById(id, Document.class, collection);
        return doc == null ? List.of() : doc.getList("outbox", Document.class, List.of());
    }

    protected List<String> outboxTypes(String customerId) {
        return outbox("customers", customerId).stream().map(d -> d.getString("type")).toList();
    }

    protected static LocalDate today() {
        return LocalDate.of(2026, 3, 2);
    }
}
