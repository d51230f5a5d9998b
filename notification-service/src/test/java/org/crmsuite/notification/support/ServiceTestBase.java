package org.crmsuite.notification.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.crmsuite.testsupport.Api;
import org.crmsuite.testsupport.MutableClock;
import org.bson.Document;
import org.crmsuite.notification.NotificationServiceApplication;
import org.crmsuite.notification.delivery.Delivery;
import org.crmsuite.notification.delivery.Dispatcher;
import org.crmsuite.notification.rules.Rules;
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
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import tools.jackson.databind.json.JsonMapper;

/**
 * The service as deployed, on a random loopback port: the embedded MongoDB, this machine's RabbitMQ under per-run
 * names, WireMock as identity (token endpoint and staff directory), customer-service and the calendar, a second WireMock
 * as the SMS providers and the partners, two GreenMail SMTP servers (primary and secondary provider) and a clock the test
 * sets. The schedulers are off: tests run {@link Dispatcher#runOnce()} and the jobs themselves.
 */
@SpringBootTest(classes = NotificationServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ServiceTestBase.TestClock.class)
public abstract class ServiceTestBase {

    /** Monday 23 November 2026, 10:00 in Shanghai: office hours, outside the quiet hours (22:00-08:00). */
    public static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T02:00:00Z");

    public static final WireMockServer SERVICES = new WireMockServer(
            WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    public static final WireMockServer PROVIDERS = new WireMockServer(
            WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    public static final GreenMail SMTP_PRIMARY = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", "smtp"));
    public static final GreenMail SMTP_SECONDARY = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", "smtp"));
    public static final TestBroker BROKER = new TestBroker();
    public static final String NOTIFY_QUEUE = "notification-service-test.notify-" + BROKER.suffix;
    public static final String WEBHOOK_QUEUE = "notification-service-test.partner-webhooks-" + BROKER.suffix;
    public static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        SERVICES.start();
        PROVIDERS.start();
        SMTP_PRIMARY.start();
        SMTP_SECONDARY.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            SERVICES.stop();
            PROVIDERS.stop();
            SMTP_PRIMARY.stop();
            SMTP_SECONDARY.stop();
            RabbitAdmin admin = new RabbitAdmin(BROKER.template().getConnectionFactory());
            for (String q : List.of(NOTIFY_QUEUE, WEBHOOK_QUEUE)) {
                admin.deleteQueue(q);
                admin.deleteQueue(q + ".dlq");
            }
            BROKER.close();
        }));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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
        registry.add("crm.notification.identity-url", SERVICES::baseUrl);
        registry.add("crm.notification.customers-url", SERVICES::baseUrl);
        registry.add("crm.notification.calendars-url", SERVICES::baseUrl);
        registry.add("crm.security.token-uri", () -> SERVICES.baseUrl() + "/oauth2/token");
        registry.add("crm.security.client-secret", () -> "local-test-secret");
        registry.add("crm.events.exchange", () -> BROKER.exchange);
        registry.add("crm.events.dead-letter-exchange", () -> BROKER.deadLetterExchange);
        registry.add("crm.notification.notify-queue", () -> NOTIFY_QUEUE);
        registry.add("crm.notification.webhook-queue", () -> WEBHOOK_QUEUE);
        registry.add("crm.notification.email.providers[0].name", () -> "primary-smtp");
        registry.add("crm.notification.email.providers[0].kind", () -> "SMTP");
        registry.add("crm.notification.email.providers[0].host", () -> "127.0.0.1");
        registry.add("crm.notification.email.providers[0].port", () -> SMTP_PRIMARY.getSmtp().getPort());
        registry.add("crm.notification.email.providers[1].name", () -> "secondary-smtp");
        registry.add("crm.notification.email.providers[1].kind", () -> "SMTP");
        registry.add("crm.notification.email.providers[1].host", () -> "127.0.0.1");
        registry.add("crm.notification.email.providers[1].port", () -> SMTP_SECONDARY.getSmtp().getPort());
        registry.add("crm.notification.sms.providers[0].name", () -> "primary-sms");
        registry.add("crm.notification.sms.providers[0].kind", () -> "HTTP");
        registry.add("crm.notification.sms.providers[0].url", () -> PROVIDERS.baseUrl() + "/sms/primary");
        registry.add("crm.notification.sms.providers[0].api-key", () -> "primary-key");
        registry.add("crm.notification.sms.providers[1].name", () -> "secondary-sms");
        registry.add("crm.notification.sms.providers[1].kind", () -> "HTTP");
        registry.add("crm.notification.sms.providers[1].url", () -> PROVIDERS.baseUrl() + "/sms/secondary");
        registry.add("crm.notification.sms.providers[1].api-key", () -> "secondary-key");
        registry.add("crm.notification.webhook.allowed-hosts[0]", () -> "127.0.0.1:" + PROVIDERS.port());
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected MongoTemplate mongo;
    @Autowired
    protected Dispatcher dispatcher;
    @Autowired
    protected Rules rules;
    @Autowired
    protected org.crmsuite.notification.staff.StaffDirectory staffDirectory;
    protected Api api;

    @BeforeEach
    void setUpService() throws Exception {
        api = new Api(port);
        clock.set(MONDAY_MORNING);
        for (String collection : List.of("deliveries", "notification_requests", "inbox", "subscriptions", "contacts",
                "preferences", "policy", "job_claims", "rules")) {
            mongo.remove(new Query(), collection);
        }
        rules.seedDefaults();
        staffDirectory.clear(); // answers cached at a later test instant would outlive the clock being set back
        SMTP_PRIMARY.purgeEmailFromAllMailboxes();
        SMTP_SECONDARY.purgeEmailFromAllMailboxes();
        PROVIDERS.resetAll();
        PROVIDERS.stubFor(post(urlEqualTo("/sms/primary")).willReturn(aResponse().withStatus(200)));
        PROVIDERS.stubFor(post(urlEqualTo("/sms/secondary")).willReturn(aResponse().withStatus(200)));
        stubIdentity();
    }

    /** identity's directory: demo staff with e-mail, phone and locale; department tiers. */
    protected static void stubIdentity() {
        SERVICES.resetAll();
        SERVICES.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(json(
                "{\"access_token\":\"notification-service-token\",\"token_type\":\"Bearer\",\"expires_in\":900}")));
        staff("demo-agent-1", "周丽 Zhou Li", "agent1@crm.local", "13900000001", "zh-CN", "dept-customer-service");
        staff("demo-agent-2", "吴昊 Wu Hao", "agent2@crm.local", "13900000002", "zh-CN", "dept-customer-service");
        staff("demo-dispatcher", "郑强 Zheng Qiang", "dispatcher@crm.local", "13900000003", "zh-CN", "dept-customer-service");
        staff("demo-sales-1", "Liu Yang", "sales1@crm.local", "13900000004", "en", "dept-east-sales");
        staff("demo-manager-service", "陈晨 Chen Chen", "manager.service@crm.local", "13900000005", "zh-CN",
                "dept-customer-service");
        staff("demo-manager-east", "张伟 Zhang Wei", "manager.east@crm.local", "13900000006", "zh-CN", "dept-east-sales");
        staff("demo-director", "李红 Li Hong", "director@crm.local", "13900000007", "zh-CN", "dept-company");
        SERVICES.stubFor(get(urlPathEqualTo("/api/v1/departments/dept-customer-service/manager"))
                .willReturn(json(staffJson("demo-manager-service", "陈晨 Chen Chen", "manager.service@crm.local", "13900000005",
                        "zh-CN", "dept-customer-service"))));
        SERVICES.stubFor(get(urlPathEqualTo("/api/v1/departments/dept-east-sales/manager"))
                .willReturn(json(staffJson("demo-manager-east", "张伟 Zhang Wei", "manager.east@crm.local", "13900000006",
                        "zh-CN", "dept-east-sales"))));
        SERVICES.stubFor(get(urlPathEqualTo("/api/v1/departments/dept-customer-service/director"))
                .willReturn(json(staffJson("demo-director", "李红 Li Hong", "director@crm.local", "13900000007", "zh-CN",
                        "dept-company"))));
    }

    protected static void staff(String id, String name, String email, String phone, String locale, String dept) {
        SERVICES.stubFor(get(urlPathEqualTo("/api/v1/staff/" + id)).willReturn(json(staffJson(id, name, email, phone, locale, dept))));
    }

    static String staffJson(String id, String name, String email, String phone, String locale, String dept) {
        return "{\"id\":\"" + id + "\",\"username\":\"u\",\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"phone\":\""
                + phone + "\",\"locale\":\"" + locale + "\",\"status\":\"ACTIVE\",\"roles\":[\"AGENT\"],\"departmentId\":\""
                + dept + "\",\"version\":1,\"addedLater\":\"tolerated\"}";
    }

    protected static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    // ---------------------------------------------------------------- events

    /** Publishes a CloudEvent on the run's exchange, as the named service's outbox relay would. */
    protected String publish(String type, String routingKey, String eventId, Map<String, Object> data) {
        Map<String, Object> envelope = new java.util.LinkedHashMap<>();
        envelope.put("specversion", "1.0");
        envelope.put("id", eventId);
        envelope.put("source", "/" + routingKey.substring(0, routingKey.indexOf('.')) + "-service");
        envelope.put("type", type);
        envelope.put("subject", String.valueOf(data.values().iterator().next()));
        envelope.put("time", clock.instant().toString());
        envelope.put("datacontenttype", "application/json");
        envelope.put("data", data);
        String body = JSON.writeValueAsString(envelope);
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(eventId);
        properties.setContentType("application/cloudevents+json");
        BROKER.template().send(BROKER.exchange, routingKey, new Message(body.getBytes(StandardCharsets.UTF_8), properties));
        return body;
    }

    protected static String newEventId() {
        return UUID.randomUUID().toString();
    }

    /** Waits until the given consumer handled the event (its idempotency record is DONE). */
    protected void awaitHandled(String consumer, String eventId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.exists(Query.query(Criteria.where("_id")
                .is(consumer + ":" + eventId).and("status").is("DONE")), "processed_events"));
    }

    protected void awaitNotified(String eventId) {
        awaitHandled("notification-service.notify", eventId);
    }

    protected List<Delivery> deliveries(String eventId) {
        return mongo.find(Query.query(Criteria.where("eventId").is(eventId)), Delivery.class);
    }

    protected Delivery delivery(String id) {
        return mongo.findById(id, Delivery.class);
    }

    protected List<Document> requests(String eventId) {
        return mongo.find(Query.query(Criteria.where("eventId").is(eventId)), Document.class, "notification_requests");
    }

    // ---------------------------------------------------------------- callers

    public static String admin() {
        return TestTokens.bearer("demo-admin", "dept-company", "ADMIN");
    }

    public static String agent(String id) {
        return TestTokens.bearer(id, "dept-customer-service", "AGENT");
    }

    public static String sales(String id) {
        return TestTokens.bearer(id, "dept-east-sales", "SALES");
    }

    public static String partner(String id) {
        return TestTokens.bearer(id, null, "PARTNER");
    }
}
