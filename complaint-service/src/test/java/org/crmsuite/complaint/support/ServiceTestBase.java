package org.crmsuite.complaint.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.crmsuite.testsupport.Api;
import org.crmsuite.testsupport.MutableClock;
import org.bson.Document;
import org.crmsuite.complaint.ComplaintServiceApplication;
import org.crmsuite.testsupport.TestBroker;
import org.crmsuite.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * The service as deployed, on a random loopback port, with the embedded MongoDB, this machine's RabbitMQ under per-run
 * exchange names, WireMock standing in for customer-service and for the issuer's token endpoint, and a clock the test
 * sets. Every integration test extends this, so they all share one application context.
 * <p>
 * The test calendar {@code test-cn} (the policy's calendar in application-test.yml): Asia/Shanghai, office hours
 * 09:00-12:00 and 13:30-18:00, a holiday week Monday 5 – Friday 9 October 2026 and the make-up working Saturday
 * 10 October. The outbox relay does not run: tests read the events a change raised from the case's outbox.
 */
@SpringBootTest(classes = ComplaintServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ServiceTestBase.TestClock.class)
public abstract class ServiceTestBase {

    /** Monday 12 October 2026 10:00 in Shanghai: a plain working morning. */
    public static final Instant MONDAY_MORNING = Instant.parse("2026-10-12T02:00:00Z");

    public static final WireMockServer CUSTOMER_SERVICE = new WireMockServer(
            WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    public static final TestBroker BROKER = new TestBroker();
    /** The port of the context whose database has the test calendar (a new context has a new, empty database). */
    private static volatile int calendarReadyOn;

    static {
        CUSTOMER_SERVICE.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            CUSTOMER_SERVICE.stop();
            BROKER.close();
        }));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        MutableClock clock() {
            return new MutableClock(MONDAY_MORNING);
        }
    }

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) {
        registry.add("crm.complaint.customers.url", CUSTOMER_SERVICE::baseUrl);
        registry.add("crm.security.token-uri", () -> CUSTOMER_SERVICE.baseUrl() + "/oauth2/token");
        registry.add("crm.security.client-secret", () -> "local-test-secret");
        registry.add("crm.events.exchange", () -> BROKER.exchange);
        registry.add("crm.events.dead-letter-exchange", () -> BROKER.deadLetterExchange);
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected MongoTemplate mongo;
    protected Api api;

    @BeforeEach
    void setUpService() {
        api = new Api(port);
        clock.set(MONDAY_MORNING);
        stubCustomerService();
        ensureTestCalendar();
    }

    /** customer-service: {@code vip-*}, {@code pref-*}, {@code qual-*} answer with that grade; {@code missing-*} 404. */
    protected static void stubCustomerService() {
        CUSTOMER_SERVICE.resetAll();
        CUSTOMER_SERVICE.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"complaint-service-token\",\"token_type\":\"Bearer\",\"expires_in\":900}")));
        customer("vip-.*", "VIP", "华信钢铁 Huaxin Steel");
        customer("pref-.*", "PREFERRED", "东方建材 Dongfang Building Materials");
        customer("qual-.*", "QUALIFIED", "宏达物流 Hongda Logistics");
        customer("nograde-.*", null, "新客户 New Customer");
        CUSTOMER_SERVICE.stubFor(get(urlPathMatching("/api/v1/customers/missing-.*/business-status"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404,\"code\":\"customer.not-found\"}")));
    }

    private static void customer(String idPattern, String grade, String name) {
        String body = "{\"customerId\":\"x\",\"allowed\":true,\"reason\":null,\"name\":\"" + name + "\",\"grade\":"
                + (grade == null ? "null" : "\"" + grade + "\"")
                + ",\"category\":\"KEY\",\"ownerId\":\"staff-sales-1\",\"departmentId\":\"d-east-sales\",\"addedLater\":\"tolerated\"}";
        CUSTOMER_SERVICE.stubFor(get(urlPathMatching("/api/v1/customers/" + idPattern + "/business-status"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
    }

    private void ensureTestCalendar() {
        if (calendarReadyOn == port) {
            return;
        }
        if (api.get("/api/v1/calendars/test-cn", admin()).status() == 404) {
            Map<String, Object> hours = new LinkedHashMap<>();
            for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
                hours.put(day, List.of("09:00-12:00", "13:30-18:00"));
            }
            assertThat(api.put("/api/v1/calendars/test-cn", admin(), Map.of("name", "test: golden week 2026",
                    "zone", "Asia/Shanghai", "weeklyHours", hours)).status()).isEqualTo(200);
            assertThat(api.put("/api/v1/calendars/test-cn/years/2026", admin(), """
                    { "format": "crm-calendar-year/1", "year": 2026, "source": "test",
                      "holidays": [ { "from": "2026-10-05", "to": "2026-10-09", "name": "holiday week" } ],
                      "workingDays": [ { "date": "2026-10-10", "name": "make-up Saturday" } ] }
                    """).status()).isEqualTo(200);
        }
        calendarReadyOn = port;
    }

    // ---------------------------------------------------------------- callers

    public static String uniqueDepartment() {
        return "d-test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String agent(String id, String department) {
        return TestTokens.bearer(id, department, "AGENT");
    }

    public static String manager(String id, String department) {
        return TestTokens.bearer(id, department, "MANAGER");
    }

    public static String director(String id, String department) {
        return TestTokens.bearer(id, department, "DIRECTOR");
    }

    public static String dispatcher(String id, String department) {
        return TestTokens.bearer(id, department, "DISPATCHER");
    }

    public static String admin() {
        return TestTokens.bearer("staff-admin", "d-company", "ADMIN");
    }

    public static String partner(String id) {
        return TestTokens.bearer(id, null, "PARTNER");
    }

    // ---------------------------------------------------------------- complaints

    /** A complaint body: PHONE, DELIVERY, with the given customer (null: a consumer contact) and level. */
    public static Map<String, Object> complaint(String customerId, String level, String department) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", "PHONE");
        body.put("category", "DELIVERY");
        body.put("content", "The second delivery arrived three days late.");
        if (level != null) {
            body.put("level", level);
        }
        if (customerId != null) {
            body.put("customerId", customerId);
        } else {
            body.put("contact", Map.of("name", "Consumer Zhao", "phone", "13800000000", "kind", "CONSUMER"));
        }
        if (department != null) {
            body.put("departmentId", department);
        }
        return body;
    }

    public Api.Response file(Map<String, Object> body, String token) {
        Api.Response filed = api.post("/api/v1/complaints", token, body);
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        return filed;
    }

    public Api.Response move(String id, String to, String token, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>(extra);
        body.put("to", to);
        return api.post("/api/v1/complaints/" + id + "/transitions", token, body);
    }

    public Api.Response move(String id, String to, String token) {
        return move(id, to, token, Map.of("note", "moved to " + to));
    }

    /** The events a case or work order raised and that wait in its outbox (the relay is off in tests). */
    public List<Document> events(String collection, String id) {
        Document raw = mongo.findById(id, Document.class, collection);
        return raw == null ? List.of() : new ArrayList<>(raw.getList("outbox", Document.class, List.of()));
    }

    public List<String> eventTypes(String collection, String id) {
        return events(collection, id).stream().map(e -> e.getString("type")).toList();
    }

    public List<String> caseEvents(String id) {
        return eventTypes("complaints", id);
    }
}
