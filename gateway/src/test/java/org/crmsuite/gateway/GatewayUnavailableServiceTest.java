package org.crmsuite.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.crmsuite.gateway.GatewayHttp.assertProblem;
import static org.crmsuite.gateway.GatewayHttp.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import tools.jackson.databind.JsonNode;

/**
 * When a service has no live instance the caller gets a prompt problem+json 503 from the gateway, never an HTML
 * page or a hang: complaint-, sales-, notification-service and identity have no instance at all, customer-service
 * has one instance that refuses connections, visit-service has a dead instance and a live one. Likewise when
 * identity's signing keys cannot be read: 503, not a 401 that would send every user to the login page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
class GatewayUnavailableServiceTest {

    private static final int DEAD_PORT = closedLoopbackPort();
    private static final WireMockServer LIVE_VISIT_INSTANCE = new WireMockServer(
            options().bindAddress("127.0.0.1").dynamicPort().containerThreads(12).jettyAcceptors(1));

    private static final TestIssuer ISSUER = new TestIssuer();

    static {
        LIVE_VISIT_INSTANCE.start();
    }

    @DynamicPropertySource
    static void discovery(DynamicPropertyRegistry registry) {
        ISSUER.register(registry);
        registry.add("spring.cloud.discovery.client.simple.instances.customer-service[0].uri",
                () -> "http://127.0.0.1:" + DEAD_PORT);
        registry.add("spring.cloud.discovery.client.simple.instances.visit-service[0].uri",
                () -> "http://127.0.0.1:" + DEAD_PORT);
        registry.add("spring.cloud.discovery.client.simple.instances.visit-service[1].uri",
                () -> "http://127.0.0.1:" + LIVE_VISIT_INSTANCE.port());
    }

    @AfterAll
    static void stopInstance() {
        LIVE_VISIT_INSTANCE.stop();
        ISSUER.stop();
    }

    @LocalServerPort
    int port;

    GatewayHttp gateway;

    @BeforeEach
    void setUp() {
        ISSUER.publishKeys();
        gateway = new GatewayHttp(port).as(ISSUER.tokenFor("staff-dispatcher-2"));
        LIVE_VISIT_INSTANCE.resetAll();
        LIVE_VISIT_INSTANCE.stubFor(any(anyUrl())
                .willReturn(okJson("{\"service\":\"visit-service\"}")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/complaints/k-1", "/api/v1/reception/queue", "/api/v1/templates", "/api/v1/staff/p-1" })
    void aServiceWithNoInstanceIsA503ProblemPromptly(String url) {
        long started = System.nanoTime();
        HttpResponse<String> response = gateway.send(gateway.request(url).header("Accept", "text/html")
                .header("X-Request-Id", "no-instance-0001").GET().build());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        JsonNode problem = assertProblem(response, 503, "gateway.service-unavailable");
        assertThat(problem.path("requestId").asString()).isEqualTo("no-instance-0001");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.headers().allValues("X-Request-Id")).containsExactly("no-instance-0001");
        assertThat(took).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aWriteToAServiceWithNoInstanceIsA503Problem() {
        HttpResponse<String> response = gateway.send(gateway.request("/api/v1/notifications")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"c-1\"}")).build());

        assertProblem(response, 503, "gateway.service-unavailable");
    }

    @Test
    void anInstanceThatRefusesConnectionsIsA503Problem() {
        long started = System.nanoTime();
        HttpResponse<String> response = gateway.get("/api/v1/customers/c-1");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertProblem(response, 503, "gateway.service-unavailable");
        assertThat(took).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aWriteToAnInstanceThatRefusesConnectionsIsA503Problem() {
        HttpResponse<String> response = gateway.send(gateway.request("/api/v1/admissions")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"customerId\":\"c-1\"}")).build());

        assertProblem(response, 503, "gateway.service-unavailable");
    }

    @Test
    void aReadFailsOverFromADeadInstanceToALiveOne() {
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> response = gateway.get("/api/v1/visits/v-" + i);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).path("service").asString()).isEqualTo("visit-service");
        }
        assertThat(LIVE_VISIT_INSTANCE.findAll(getRequestedFor(urlEqualTo("/api/v1/visits/v-0")))).hasSize(1);
    }

    @Test
    void signingKeysThatCannotBeReadAreA503ProblemNotA401() {
        // a key id the gateway has not cached makes it read the JWKS again, and identity answers 500
        String token = ISSUER.token("staff-dispatcher-2").signWith(TestIssuer.rsaKey("identity-key-rotated"));
        ISSUER.server().stubFor(WireMock.get(urlEqualTo(TestIssuer.JWKS_PATH)).atPriority(1)
                .willReturn(WireMock.serverError()));

        long started = System.nanoTime();
        HttpResponse<String> response = new GatewayHttp(port).as(token).get("/api/v1/visits/v-keys");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertProblem(response, 503, "auth.unavailable");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(took).isLessThan(Duration.ofSeconds(3));
        assertThat(ISSUER.server().findAll(getRequestedFor(urlEqualTo(TestIssuer.JWKS_PATH)))).isNotEmpty();
        assertThat(LIVE_VISIT_INSTANCE.getAllServeEvents()).as("nothing reached the service").isEmpty();
    }

    @Test
    void theGatewayItselfStaysHealthy() {
        HttpResponse<String> response = new GatewayHttp(port).get("/actuator/health/liveness");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("status").asString()).isEqualTo("UP");
    }

    private static int closedLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
