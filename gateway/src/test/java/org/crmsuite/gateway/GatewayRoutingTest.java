package org.crmsuite.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.crmsuite.gateway.GatewayHttp.assertProblem;
import static org.crmsuite.gateway.GatewayHttp.json;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import tools.jackson.databind.JsonNode;

/**
 * The gateway in front of WireMock stand-ins for every service, found through Spring Cloud's simple discovery
 * client (no Eureka): the route table of ARCHITECTURE.md, per-route timeouts, retry of idempotent reads on another
 * instance, CORS, request ids and W3C trace context. Requests carry a valid token from a stand-in identity issuer
 * (authentication itself is GatewaySecurityTest's subject).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false",
        // the visit-service route answers within 300 ms or the gateway gives up (the default is seconds)
        "crm.gateway.timeouts.visit-service.response-ms=300",
        "crm.gateway.cors.allowed-origins=http://localhost:5173,capacitor://localhost" })
@ExtendWith(OutputCaptureExtension.class)
class GatewayRoutingTest {

    private static final String WEB_ORIGIN = "http://localhost:5173";
    private static final String MOBILE_ORIGIN = "capacitor://localhost";
    private static final String OTHER_ORIGIN = "http://localhost:3000";

    /** One stand-in per instance; customer-service has two instances, to show a retry lands on the other one. */
    private static final Map<String, WireMockServer> INSTANCES = new LinkedHashMap<>();
    private static final TestIssuer ISSUER = new TestIssuer();

    static {
        for (String instance : List.of("customer-service-1", "customer-service-2", "complaint-service",
                "visit-service", "sales-service", "notification-service", "identity")) {
            WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                    .containerThreads(12).jettyAcceptors(1));
            server.start();
            INSTANCES.put(instance, server);
        }
    }

    @DynamicPropertySource
    static void discovery(DynamicPropertyRegistry registry) {
        ISSUER.register(registry);
        INSTANCES.forEach((instance, server) -> {
            String service = serviceOf(instance);
            int index = instance.endsWith("-2") ? 1 : 0;
            registry.add("spring.cloud.discovery.client.simple.instances." + service + "[" + index + "].uri",
                    () -> "http://127.0.0.1:" + server.port());
        });
    }

    @AfterAll
    static void stopInstances() {
        INSTANCES.values().forEach(WireMockServer::stop);
        ISSUER.stop();
    }

    @LocalServerPort
    int port;

    /** A signed-in member of staff; {@link #anonymous} for what a browser sends without a token (a preflight). */
    GatewayHttp gateway;
    GatewayHttp anonymous;

    @BeforeEach
    void stubEveryInstance() {
        anonymous = new GatewayHttp(port);
        gateway = anonymous.as(ISSUER.tokenFor("staff-agent-7"));
        INSTANCES.forEach((instance, server) -> {
            server.resetAll();
            // a service that also sets X-Request-Id and CORS headers: the gateway's own must win, not double
            server.stubFor(any(anyUrl()).atPriority(10).willReturn(okJson(
                    "{\"service\":\"" + serviceOf(instance) + "\",\"instance\":\"" + instance + "\"}")
                    .withHeader("X-Request-Id", "set-by-the-service")
                    .withHeader("Access-Control-Allow-Origin", "*")));
        });
    }

    private static String serviceOf(String instance) {
        return instance.replaceAll("-\\d$", "");
    }

    private static WireMockServer instance(String name) {
        return INSTANCES.get(name);
    }

    private static List<LoggedRequest> receivedBy(String service, String url) {
        List<LoggedRequest> received = new ArrayList<>();
        INSTANCES.forEach((instance, server) -> {
            if (serviceOf(instance).equals(service)) {
                received.addAll(server.findAll(anyRequestedFor(urlEqualTo(url))));
            }
        });
        return received;
    }

    private static int countEverywhere(String url) {
        return INSTANCES.values().stream().mapToInt(s -> s.findAll(anyRequestedFor(urlEqualTo(url))).size()).sum();
    }

    @Nested
    class Routes {

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource({
                "/api/v1/customers/c-42?expand=grade, customer-service",
                "/api/v1/customers,                   customer-service",
                "/api/v1/admissions/a-1,              customer-service",
                "/api/v1/blacklist/entries/b-7,       customer-service",
                "/api/v1/complaints/k-9/escalations,  complaint-service",
                "/api/v1/work-orders/w-3,             complaint-service",
                "/api/v1/calendars/2026,              complaint-service",
                "/api/v1/visits/v-1,                  visit-service",
                "/api/v1/visit-plans?page=0&size=20,  visit-service",
                "/api/v1/surveys/s-5,                 visit-service",
                "/api/v1/reception/queue,             sales-service",
                "/api/v1/units/u-12,                  sales-service",
                "/api/v1/deposits/d-8/refund,         sales-service",
                "/api/v1/notifications/n-4,           notification-service",
                "/api/v1/subscriptions/s-2,           notification-service",
                "/api/v1/templates/t-6,               notification-service",
                "/api/v1/staff/p-3?dept=d-1,          identity",
                "/api/v1/departments/d-1/members,     identity",
                "/api/v1/signing-keys,                identity" })
        void eachPathReachesItsOwningServiceUnchanged(String pathAndQuery, String service) {
            HttpResponse<String> response = gateway.get(pathAndQuery);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).path("service").asString()).isEqualTo(service);
            List<LoggedRequest> received = receivedBy(service, pathAndQuery);
            assertThat(received).as("the owning service saw the path and query exactly as sent").hasSize(1);
            assertThat(countEverywhere(pathAndQuery)).as("no other service saw it").isEqualTo(1);
        }

        @Test
        void aPostWithItsBodyReachesTheServiceUnchanged() {
            String body = "{\"name\":\"Ada\",\"phone\":\"+86 138 0000 0000\"}";
            HttpResponse<String> response = gateway.send(gateway.request("/api/v1/complaints")
                    .header("Content-Type", "application/json").header("Idempotency-Key", "k-123")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());

            assertThat(response.statusCode()).isEqualTo(200);
            List<LoggedRequest> received = instance("complaint-service").findAll(postRequestedFor(urlEqualTo("/api/v1/complaints")));
            assertThat(received).hasSize(1);
            assertThat(received.get(0).getBodyAsString()).isEqualTo(body);
            assertThat(received.get(0).getHeader("Idempotency-Key")).isEqualTo("k-123");
        }

        @Test
        void anUnknownPathIsA404ProblemNotAnHtmlPage() {
            HttpResponse<String> response = gateway.send(gateway.request("/api/v2/customers/c-1")
                    .header("Accept", "text/html").GET().build());

            assertProblem(response, 404, "http.404");
            assertThat(countEverywhere("/api/v2/customers/c-1")).isZero();
        }

        @Test
        void aPathOutsideTheApiIsA404Problem() {
            assertProblem(gateway.get("/customers/c-1"), 404, "http.404");
        }
    }

    @Nested
    class Resilience {

        @Test
        void aGetAnswered503ByOneInstanceIsServedByTheOther() {
            String url = "/api/v1/customers/c-1/profile";
            instance("customer-service-1").stubFor(get(urlEqualTo(url)).atPriority(1)
                    .willReturn(aResponse().withStatus(503).withBody("instance 1 is going down")));

            // round robin starts anywhere: of four reads at least two land on instance 1 first
            for (int i = 0; i < 4; i++) {
                HttpResponse<String> response = gateway.get(url);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(json(response).path("instance").asString()).isEqualTo("customer-service-2");
            }
            assertThat(instance("customer-service-1").findAll(getRequestedFor(urlEqualTo(url)))).hasSizeGreaterThanOrEqualTo(2);
            assertThat(instance("customer-service-2").findAll(getRequestedFor(urlEqualTo(url)))).hasSize(4);
        }

        @Test
        void aPostAnswered503IsNotRetried() throws InterruptedException {
            String url = "/api/v1/customers";
            for (String name : List.of("customer-service-1", "customer-service-2")) {
                instance(name).stubFor(post(urlEqualTo(url)).atPriority(1).willReturn(aResponse().withStatus(503)));
            }

            HttpResponse<String> response = gateway.send(gateway.request(url).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Ada\"}")).build());

            assertThat(response.statusCode()).isEqualTo(503);
            await().atMost(Duration.ofSeconds(2)).until(() -> countPosts(url) >= 1);
            Thread.sleep(300);
            assertThat(countPosts(url)).as("a write reaches exactly one instance, once").isEqualTo(1);
        }

        private int countPosts(String url) {
            return instance("customer-service-1").findAll(postRequestedFor(urlEqualTo(url))).size()
                    + instance("customer-service-2").findAll(postRequestedFor(urlEqualTo(url))).size();
        }

        @Test
        void aGetAnswered500IsNotRetried() throws InterruptedException {
            String url = "/api/v1/customers/c-500";
            for (String name : List.of("customer-service-1", "customer-service-2")) {
                instance(name).stubFor(get(urlEqualTo(url)).atPriority(1).willReturn(aResponse().withStatus(500)));
            }

            assertThat(gateway.get(url).statusCode()).isEqualTo(500);
            Thread.sleep(300);
            assertThat(receivedBy("customer-service", url)).as("a bug answers the same everywhere: asked once").hasSize(1);
        }

        @Test
        void aServiceSlowerThanItsRouteTimeoutIsA504ProblemPromptly(CapturedOutput output) {
            String url = "/api/v1/visits/v-slow";
            instance("visit-service").stubFor(get(urlEqualTo(url)).atPriority(1)
                    .willReturn(okJson("{}").withFixedDelay(4_000)));
            String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

            long started = System.nanoTime();
            HttpResponse<String> response = gateway.send(gateway.request(url)
                    .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                    .header("X-Request-Id", "slow-visit-0001").GET().build());
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            JsonNode problem = assertProblem(response, 504, "gateway.timeout");
            assertThat(problem.path("requestId").asString()).isEqualTo("slow-visit-0001");
            assertThat(took).as("the 300 ms route timeout, not the 5 s default nor the 4 s service")
                    .isLessThan(Duration.ofMillis(2_500));
            // the gateway's log line for this request carries the caller's W3C trace id
            await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(output.getAll())
                    .containsPattern("\\[gateway," + traceId + ",[0-9a-f]{16}\\] .*GET " + url + " .* 504 gateway\\.timeout"));
        }

        @Test
        void aFastAnswerOnTheSameRouteIsNotCutOff() {
            String url = "/api/v1/visits/v-quick";
            instance("visit-service").stubFor(get(urlEqualTo(url)).atPriority(1)
                    .willReturn(okJson("{\"service\":\"visit-service\"}").withFixedDelay(50)));

            assertThat(gateway.get(url).statusCode()).isEqualTo(200);
        }
    }

    @Nested
    class Cors {

        @ParameterizedTest
        @CsvSource({ WEB_ORIGIN, MOBILE_ORIGIN })
        void aPreflightFromAConfiguredOriginIsAllowed(String origin) {
            // a browser's preflight never carries the token
            HttpResponse<String> response = anonymous.send(anonymous.request("/api/v1/customers")
                    .header("Origin", origin)
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "content-type,idempotency-key,x-request-id,traceparent")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly(origin);
            assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST");
            assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                    .contains("content-type", "idempotency-key", "x-request-id", "traceparent");
            assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
            assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("3600");
            assertThat(instance("customer-service-1").getAllServeEvents()).as("a preflight is answered by the gateway").isEmpty();
            assertThat(instance("customer-service-2").getAllServeEvents()).isEmpty();
        }

        @Test
        void aPreflightFromAnotherOriginIsRefused() {
            HttpResponse<String> response = anonymous.send(anonymous.request("/api/v1/customers")
                    .header("Origin", OTHER_ORIGIN)
                    .header("Access-Control-Request-Method", "POST")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());

            assertProblem(response, 403, "cors.rejected");
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }

        @Test
        void aCrossOriginReadCarriesOneAllowOriginAndExposesTheRequestId() {
            HttpResponse<String> response = gateway.send(gateway.request("/api/v1/units/u-1")
                    .header("Origin", WEB_ORIGIN).GET().build());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly(WEB_ORIGIN);
            assertThat(response.headers().firstValue("Access-Control-Expose-Headers").orElse(""))
                    .contains("X-Request-Id");
        }

        @Test
        void aCrossOriginReadFromAnotherOriginIsRefusedBeforeReachingTheService() {
            HttpResponse<String> response = gateway.send(gateway.request("/api/v1/units/u-2")
                    .header("Origin", OTHER_ORIGIN).GET().build());

            assertProblem(response, 403, "cors.rejected");
            assertThat(instance("sales-service").findAll(anyRequestedFor(urlPathEqualTo("/api/v1/units/u-2")))).isEmpty();
        }

        @Test
        void aMissingTokenIsA401TheBrowserAppCanRead() {
            HttpResponse<String> response = anonymous.send(anonymous.request("/api/v1/units/u-3")
                    .header("Origin", WEB_ORIGIN).GET().build());

            assertProblem(response, 401, "auth.unauthenticated");
            assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly(WEB_ORIGIN);
            assertThat(instance("sales-service").findAll(anyRequestedFor(urlPathEqualTo("/api/v1/units/u-3")))).isEmpty();
        }
    }

    @Nested
    class RequestIdAndTraceContext {

        private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]");

        @Test
        void aClientsRequestIdIsForwardedAndReturnedOnce() {
            String url = "/api/v1/templates/t-1";
            HttpResponse<String> response = gateway.send(gateway.request(url)
                    .header("X-Request-Id", "mobile-7f3a9c21").GET().build());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().allValues("X-Request-Id")).containsExactly("mobile-7f3a9c21");
            assertThat(receivedBy("notification-service", url)).singleElement()
                    .satisfies(r -> assertThat(r.getHeader("X-Request-Id")).isEqualTo("mobile-7f3a9c21"));
        }

        @Test
        void aRequestWithoutAnIdGetsOneThatTheServiceSeesToo() {
            String url = "/api/v1/surveys/s-1";
            HttpResponse<String> response = gateway.get(url);

            List<String> returned = response.headers().allValues("X-Request-Id");
            assertThat(returned).singleElement().asString().matches("[0-9a-f-]{36}");
            assertThat(receivedBy("visit-service", url)).singleElement()
                    .satisfies(r -> assertThat(r.getHeader("X-Request-Id")).isEqualTo(returned.get(0)));
        }

        @Test
        void anUnsafeRequestIdIsReplaced() {
            String url = "/api/v1/surveys/s-2";
            HttpResponse<String> response = gateway.send(gateway.request(url)
                    .header("X-Request-Id", "x\" onload=alert(1)").GET().build());

            String returned = response.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(returned).matches("[0-9a-f-]{36}");
            assertThat(receivedBy("visit-service", url)).singleElement()
                    .satisfies(r -> assertThat(r.getHeader("X-Request-Id")).isEqualTo(returned));
        }

        @Test
        void theCallersTraceContinuesDownstream() {
            String url = "/api/v1/deposits/d-1";
            String traceId = "0af7651916cd43dd8448eb211c80319c";
            String callerSpan = "b7ad6b7169203331";
            gateway.send(gateway.request(url).header("traceparent", "00-" + traceId + "-" + callerSpan + "-01").GET().build());

            String forwarded = receivedBy("sales-service", url).get(0).getHeader("traceparent");
            Matcher w3c = TRACEPARENT.matcher(String.valueOf(forwarded));
            assertThat(w3c.matches()).as("traceparent forwarded: %s", forwarded).isTrue();
            assertThat(w3c.group(1)).as("same trace").isEqualTo(traceId);
            assertThat(w3c.group(2)).as("the gateway's own span is the parent").isNotEqualTo(callerSpan);
        }

        @Test
        void aRequestWithoutTraceContextStartsATrace() {
            String url = "/api/v1/calendars/2027";
            gateway.get(url);

            String forwarded = receivedBy("complaint-service", url).get(0).getHeader("traceparent");
            assertThat(forwarded).as("traceparent forwarded").isNotNull().matches(TRACEPARENT);
        }
    }
}
