package org.crmsuite.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.crmsuite.gateway.GatewayHttp.assertProblem;
import static org.crmsuite.gateway.GatewayHttp.json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import tools.jackson.databind.JsonNode;

/**
 * The gateway as the suite's authentication point, in front of a WireMock customer-service and a stand-in identity
 * issuer: which tokens pass, what everyone else gets (401 problem+json with a Bearer challenge, nothing routed),
 * forged identity headers, the body limit and the response security headers. Redis points at a closed port
 * throughout: with the in-memory rate-limit store the gateway neither needs it nor reports it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
class GatewaySecurityTest {

    private static final String CUSTOMERS = "/api/v1/customers";
    private static final TestIssuer ISSUER = new TestIssuer();
    private static final WireMockServer CUSTOMER_SERVICE = new WireMockServer(
            options().bindAddress("127.0.0.1").dynamicPort().containerThreads(12).jettyAcceptors(1));

    static {
        CUSTOMER_SERVICE.start();
    }

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        ISSUER.register(registry);
        registry.add("spring.cloud.discovery.client.simple.instances.customer-service[0].uri",
                () -> "http://127.0.0.1:" + CUSTOMER_SERVICE.port());
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", GatewaySecurityTest::closedLoopbackPort);
    }

    @AfterAll
    static void stopStandIns() {
        CUSTOMER_SERVICE.stop();
        ISSUER.stop();
    }

    @LocalServerPort
    int port;

    GatewayHttp anonymous;

    @BeforeEach
    void setUp() {
        anonymous = new GatewayHttp(port);
        ISSUER.publishKeys();
        CUSTOMER_SERVICE.resetAll();
        CUSTOMER_SERVICE.stubFor(any(anyUrl()).willReturn(okJson("{\"service\":\"customer-service\"}")));
    }

    private static List<LoggedRequest> received(String url) {
        return CUSTOMER_SERVICE.findAll(anyRequestedFor(urlEqualTo(url)));
    }

    @Nested
    class Authentication {

        @Test
        void aValidTokenReachesTheServiceWhichGetsTheSameAuthorizationHeader() {
            String token = ISSUER.token("staff-sales-11").roles("SALES", "MANAGER").sign();

            HttpResponse<String> response = anonymous.as(token).get(CUSTOMERS + "/c-1");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).path("service").asString()).isEqualTo("customer-service");
            assertThat(received(CUSTOMERS + "/c-1")).singleElement()
                    .satisfies(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + token));
        }

        @Test
        void aTokenJustPastItsExpiryIsStillAcceptedWithinTheClockSkew() {
            String token = ISSUER.token("staff-agent-3").expiredAgo(Duration.ofSeconds(10)).sign();

            assertThat(anonymous.as(token).get(CUSTOMERS + "/c-skew").statusCode()).isEqualTo(200);
        }

        @Test
        void noTokenIsA401ProblemWithABearerChallengeNeverALoginPage() {
            HttpResponse<String> response = anonymous.send(anonymous.request(CUSTOMERS + "/c-2")
                    .header("Accept", "text/html").GET().build());

            JsonNode problem = assertProblem(response, 401, "auth.unauthenticated");
            assertThat(problem.path("detail").asString()).contains("Bearer");
            assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
            assertThat(response.headers().firstValue("Location")).as("no redirect to a login page").isEmpty();
            assertThat(received(CUSTOMERS + "/c-2")).isEmpty();
        }

        @Test
        void aWriteWithoutATokenNeverReachesTheService() {
            HttpResponse<String> response = anonymous.send(anonymous.request(CUSTOMERS)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Ada\"}")).build());

            assertProblem(response, 401, "auth.unauthenticated");
            assertThat(CUSTOMER_SERVICE.getAllServeEvents()).isEmpty();
        }

        @Test
        void basicCredentialsAreNoToken() {
            HttpResponse<String> response = anonymous.send(anonymous.request(CUSTOMERS + "/c-3")
                    .header("Authorization", "Basic YWRtaW46YWRtaW4=").GET().build());

            assertProblem(response, 401, "auth.unauthenticated");
            assertThat(received(CUSTOMERS + "/c-3")).isEmpty();
        }

        static Stream<Arguments> refusedTokens() {
            Map<String, Function<TestIssuer, String>> tokens = Map.of(
                    "expired beyond the clock skew", issuer -> issuer.token("staff-1").expiredAgo(Duration.ofMinutes(5)).sign(),
                    "signed by another key under identity's key id",
                    issuer -> issuer.token("staff-1").signWith(TestIssuer.rsaKey(TestIssuer.KEY_ID)),
                    "signed by a key identity never published",
                    issuer -> issuer.token("staff-1").signWith(TestIssuer.rsaKey("attacker-key")),
                    "alg none", issuer -> issuer.token("staff-1").unsigned(),
                    "HS256 with a made-up secret",
                    issuer -> issuer.token("staff-1").hmac("a-secret-of-at-least-thirty-two-bytes!!".getBytes(StandardCharsets.UTF_8)),
                    "HS256 keyed with identity's public key", issuer -> issuer.token("staff-1").hmacWithThePublicKey(),
                    "for another audience", issuer -> issuer.token("staff-1").audience("another-api").sign(),
                    "from another issuer", issuer -> issuer.token("staff-1").issuer("http://127.0.0.1:1/evil").sign(),
                    "without an expiry", issuer -> issuer.token("staff-1").without("exp").sign(),
                    "not a JWT at all", issuer -> "not-a-jwt");
            return tokens.entrySet().stream().map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
        }

        @ParameterizedTest(name = "a token {0}")
        @MethodSource("refusedTokens")
        void anInvalidTokenIsA401ProblemAndNeverReachesTheService(String why, Function<TestIssuer, String> mint) {
            String url = CUSTOMERS + "/c-" + Math.abs(why.hashCode());

            HttpResponse<String> response = anonymous.as(mint.apply(ISSUER)).get(url);

            assertProblem(response, 401, "auth.invalid-token");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""));
            assertThat(received(url)).as("the service never got a request with a token %s", why).isEmpty();
        }

        @Test
        void aPathOutsideTheApiNeedsATokenToo() {
            assertProblem(anonymous.get("/customers/c-1"), 401, "auth.unauthenticated");
            assertProblem(anonymous.get("/actuator"), 401, "auth.unauthenticated");
        }

        @ParameterizedTest
        @ValueSource(strings = { "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
                "/actuator/info", "/actuator/prometheus" })
        void healthInfoAndMetricsStayOpenWithoutAToken(String path) {
            HttpResponse<String> response = anonymous.get(path);

            assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
        }

        @Test
        void theGatewayIsHealthyWithoutRedisWhileTheRateLimitStoreIsInMemory() {
            HttpResponse<String> response = anonymous.get("/actuator/health");

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode health = json(response);
            assertThat(health.path("status").asString()).isEqualTo("UP");
            assertThat(health.path("components").has("redis")).as("components: %s", health.path("components")).isFalse();
            assertThat(anonymous.as(ISSUER.tokenFor("staff-9")).get(CUSTOMERS + "/c-no-redis").statusCode()).isEqualTo(200);
        }
    }

    @Nested
    class ForgedIdentityHeaders {

        private static final List<String> FORGED = List.of("X-User-Id", "X-User", "X-Roles", "X-Role", "X-Dept",
                "X-Department", "X-Caller", "X-Forwarded-User", "X-Remote-User", "X-Auth-User", "X-Auth-Roles",
                "X-Authenticated-Userid", "x-authenticated-groups");

        @Test
        void identityHeadersAClientWroteNeverReachTheServiceEvenWithAValidToken() {
            String url = CUSTOMERS + "/c-forged";
            HttpRequest.Builder request = anonymous.as(ISSUER.tokenFor("staff-agent-5")).request(url)
                    .header("X-Request-Id", "forged-headers-01").header("Idempotency-Key", "k-77");
            FORGED.forEach(name -> request.header(name, "admin"));

            HttpResponse<String> response = anonymous.send(request.GET().build());

            assertThat(response.statusCode()).isEqualTo(200);
            LoggedRequest arrived = received(url).get(0);
            FORGED.forEach(name -> assertThat(arrived.containsHeader(name)).as("%s reached the service", name).isFalse());
            assertThat(arrived.getHeader("X-Request-Id")).isEqualTo("forged-headers-01");
            assertThat(arrived.getHeader("Idempotency-Key")).isEqualTo("k-77");
            assertThat(arrived.getHeader("Authorization")).startsWith("Bearer ");
        }

        @Test
        void identityHeadersDoNotStandInForAToken() {
            String url = CUSTOMERS + "/c-forged-anonymous";
            HttpRequest.Builder request = anonymous.request(url);
            FORGED.forEach(name -> request.header(name, "admin"));

            assertProblem(anonymous.send(request.GET().build()), 401, "auth.unauthenticated");
            assertThat(received(url)).isEmpty();
        }
    }

    @Nested
    class BodyLimit {

        private static final int LIMIT = 1024 * 1024;

        @Test
        void aBodyDeclaredOverTheLimitIsA413ProblemAndNothingIsRouted() {
            GatewayHttp staff = anonymous.as(ISSUER.tokenFor("staff-agent-8"));
            HttpResponse<String> response = staff.send(staff.request(CUSTOMERS)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(jsonOfSize(LIMIT + 1))).build());

            JsonNode problem = assertProblem(response, 413, "request.too-large");
            assertThat(problem.path("detail").asString()).contains("1 MB");
            assertThat(CUSTOMER_SERVICE.getAllServeEvents()).isEmpty();
        }

        @Test
        void aStreamedBodyWithoutALengthIsCutOffAtTheLimit() {
            byte[] body = jsonOfSize(LIMIT + 64 * 1024);
            GatewayHttp staff = anonymous.as(ISSUER.tokenFor("staff-agent-8"));
            HttpResponse<String> response = staff.send(staff.request(CUSTOMERS)
                    .header("Content-Type", "application/json")
                    // an InputStream of unknown length: the JDK client sends it chunked, without Content-Length
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());

            assertProblem(response, 413, "request.too-large");
            assertThat(CUSTOMER_SERVICE.findAll(anyRequestedFor(urlPathEqualTo(CUSTOMERS))))
                    .as("the service never got the whole request").allSatisfy(r -> assertThat(r.getBody()).hasSizeLessThan(body.length));
        }

        @Test
        void aBodyOfExactlyTheLimitReachesTheServiceWhole() {
            byte[] body = jsonOfSize(LIMIT);
            GatewayHttp staff = anonymous.as(ISSUER.tokenFor("staff-agent-8"));
            HttpResponse<String> response = staff.send(staff.request(CUSTOMERS)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(received(CUSTOMERS)).singleElement().satisfies(r -> assertThat(r.getBody()).isEqualTo(body));
        }

        private static byte[] jsonOfSize(int size) {
            byte[] body = new byte[size];
            Arrays.fill(body, (byte) 'a');
            byte[] open = "{\"note\":\"".getBytes(StandardCharsets.UTF_8);
            System.arraycopy(open, 0, body, 0, open.length);
            body[size - 2] = '"';
            body[size - 1] = '}';
            return body;
        }
    }

    @Nested
    class SecurityHeaders {

        @Test
        void aRoutedResponseCarriesTheGatewaysSecurityHeadersOverridingTheServices() {
            CUSTOMER_SERVICE.stubFor(get(urlEqualTo(CUSTOMERS + "/c-framed")).atPriority(1).willReturn(okJson("{}")
                    .withHeader("X-Frame-Options", "SAMEORIGIN")
                    .withHeader("Content-Security-Policy", "default-src *")));

            HttpResponse<String> response = anonymous.as(ISSUER.tokenFor("staff-agent-1")).get(CUSTOMERS + "/c-framed");

            assertThat(response.statusCode()).isEqualTo(200);
            assertSecurityHeaders(response);
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        }

        @Test
        void aServiceMayChooseItsOwnCacheControl() {
            CUSTOMER_SERVICE.stubFor(get(urlEqualTo(CUSTOMERS + "/c-cacheable")).atPriority(1).willReturn(okJson("{}")
                    .withHeader("Cache-Control", "private, max-age=60")));

            HttpResponse<String> response = anonymous.as(ISSUER.tokenFor("staff-agent-1")).get(CUSTOMERS + "/c-cacheable");

            assertThat(response.headers().allValues("Cache-Control")).containsExactly("private, max-age=60");
            assertSecurityHeaders(response);
        }

        @Test
        void theGatewaysOwnAnswersCarryThemToo() {
            HttpResponse<String> unauthenticated = anonymous.get(CUSTOMERS + "/c-headers");
            assertThat(unauthenticated.statusCode()).isEqualTo(401);
            assertSecurityHeaders(unauthenticated);
            assertThat(unauthenticated.headers().firstValue("Cache-Control")).hasValue("no-store");

            HttpResponse<String> notFound = anonymous.as(ISSUER.tokenFor("staff-agent-1")).get("/api/v9/nothing");
            assertThat(notFound.statusCode()).isEqualTo(404);
            assertSecurityHeaders(notFound);

            HttpResponse<String> health = anonymous.get("/actuator/health");
            assertSecurityHeaders(health);
        }

        private static void assertSecurityHeaders(HttpResponse<String> response) {
            assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
            assertThat(response.headers().allValues("X-Frame-Options")).containsExactly("DENY");
            assertThat(response.headers().allValues("Referrer-Policy")).containsExactly("no-referrer");
            assertThat(response.headers().allValues("Strict-Transport-Security")).singleElement().asString()
                    .startsWith("max-age=");
            assertThat(response.headers().allValues("Content-Security-Policy"))
                    .containsExactly("default-src 'none'; frame-ancestors 'none'");
        }
    }

    private static int closedLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
