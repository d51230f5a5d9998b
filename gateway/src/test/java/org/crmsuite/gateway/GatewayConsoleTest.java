package org.crmsuite.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.crmsuite.gateway.GatewayHttp.assertProblem;
import static org.crmsuite.gateway.GatewayHttp.json;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * The staff console behind the gateway: a WireMock stand-in registered as the discovered instance of {@code console}
 * (and one of customer-service, to compare with an API answer). A browser reaches the console's pages without a
 * bearer token, its cookies and form posts pass unchanged, the console's own Content-Security-Policy is kept while
 * API answers keep the strict one, the console learns the host, port and scheme the browser used (its OIDC redirect
 * URI is built from them), and the gateway's root leads to the console. Everything else stays closed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
class GatewayConsoleTest {

    /** What the console sends for its pages: scripts and styles from itself only. */
    private static final String CONSOLE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; frame-ancestors 'none'; form-action 'self' http://localhost:9000";
    private static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

    private static final TestIssuer ISSUER = new TestIssuer();
    private static final WireMockServer CONSOLE = new WireMockServer(
            options().bindAddress("127.0.0.1").dynamicPort().containerThreads(40).jettyAcceptors(1));
    private static final WireMockServer CUSTOMER_SERVICE = new WireMockServer(
            options().bindAddress("127.0.0.1").dynamicPort().containerThreads(12).jettyAcceptors(1));

    static {
        CONSOLE.start();
        CUSTOMER_SERVICE.start();
    }

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        ISSUER.register(registry);
        registry.add("spring.cloud.discovery.client.simple.instances.console[0].uri",
                () -> "http://127.0.0.1:" + CONSOLE.port());
        registry.add("spring.cloud.discovery.client.simple.instances.customer-service[0].uri",
                () -> "http://127.0.0.1:" + CUSTOMER_SERVICE.port());
    }

    @AfterAll
    static void stopStandIns() {
        CONSOLE.stop();
        CUSTOMER_SERVICE.stop();
        ISSUER.stop();
    }

    @LocalServerPort
    int port;

    /** A browser: no Authorization header, ever. */
    GatewayHttp browser;

    @BeforeEach
    void setUp() {
        browser = new GatewayHttp(port);
        ISSUER.publishKeys();
        CONSOLE.resetAll();
        CONSOLE.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html;charset=UTF-8")
                .withHeader("Content-Security-Policy", CONSOLE_CSP)
                .withBody("<!doctype html><title>CRM console</title>")));
        CONSOLE.stubFor(get(urlEqualTo("/console/ping")).atPriority(1).willReturn(okJson("{\"service\":\"console\"}")));
        CUSTOMER_SERVICE.resetAll();
        CUSTOMER_SERVICE.stubFor(any(anyUrl()).willReturn(okJson("{\"service\":\"customer-service\"}")
                .withHeader("Content-Security-Policy", "default-src *")));
    }

    private String origin() {
        return "http://127.0.0.1:" + port;
    }

    private static List<LoggedRequest> consoleReceived(String url) {
        return CONSOLE.findAll(anyRequestedFor(urlEqualTo(url)));
    }

    @Nested
    class WithoutAToken {

        @Test
        void aPageRequestWithoutATokenReachesTheConsole() {
            HttpResponse<String> response = browser.send(browser.request("/console/customers?page=2")
                    .header("Accept", "text/html").GET().build());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains("CRM console");
            assertThat(consoleReceived("/console/customers?page=2")).singleElement()
                    .satisfies(r -> assertThat(r.containsHeader("Authorization")).isFalse());
        }

        @Test
        void thePingAnswersWithoutLogin() {
            HttpResponse<String> response = browser.get("/console/ping");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).path("service").asString()).isEqualTo("console");
        }

        @Test
        void aFormPostFromTheConsolesOwnPageReachesItWithItsBodyAndSessionCookie() {
            String form = "_csrf=token-123&note=" + "called+back";
            HttpResponse<String> response = browser.send(browser.request("/console/complaints/k-1/contacts")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    // same-origin: the page was served by this gateway, so the browser names it as the origin
                    .header("Origin", origin())
                    .header("Cookie", "CRM_CONSOLE_SESSION=c2Vzc2lvbi0x; other=1")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            List<LoggedRequest> received = CONSOLE.findAll(postRequestedFor(urlEqualTo("/console/complaints/k-1/contacts")));
            assertThat(received).singleElement().satisfies(request -> {
                assertThat(request.getBodyAsString()).isEqualTo(form);
                assertThat(request.getHeader("Cookie")).isEqualTo("CRM_CONSOLE_SESSION=c2Vzc2lvbi0x; other=1");
            });
        }

        @Test
        void theConsolesSetCookieReachesTheBrowserUnchanged() {
            String cookie = "CRM_CONSOLE_SESSION=bmV3LXNlc3Npb24; Path=/console; HttpOnly; SameSite=Lax";
            CONSOLE.stubFor(get(urlEqualTo("/console/login/oauth2/code/crm-console?code=c&state=s")).atPriority(1)
                    .willReturn(aResponse().withStatus(302).withHeader("Location", "/console/")
                            .withHeader("Set-Cookie", cookie)));

            HttpResponse<String> response = browser.get("/console/login/oauth2/code/crm-console?code=c&state=s");

            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().allValues("Set-Cookie")).containsExactly(cookie);
            assertThat(response.headers().firstValue("Location")).hasValue("/console/");
        }

        @Test
        void aBurstOfPageRequestsFromOneBrowserIsNotRateLimited() {
            // a page, its styles, scripts and htmx fragments: keyed by the client's address, within the burst capacity
            ExecutorService pool = Executors.newFixedThreadPool(30);
            try {
                List<CompletableFuture<Integer>> burst = IntStream.range(0, 30)
                        .mapToObj(i -> CompletableFuture.supplyAsync(
                                () -> browser.get("/console/assets/part-" + i + ".js").statusCode(), pool))
                        .toList();

                assertThat(burst.stream().map(CompletableFuture::join)).as("statuses").containsOnly(200);
            } finally {
                pool.shutdownNow();
            }
            assertThat(CONSOLE.findAll(anyRequestedFor(urlPathMatching("/console/assets/part-\\d+\\.js")))).hasSize(30);
        }

        @Test
        void theGatewaysRootRedirectsToTheConsole() {
            HttpResponse<String> response = browser.send(browser.request("/").header("Accept", "text/html").GET().build());

            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).hasValue("/console/");
            assertThat(CONSOLE.getAllServeEvents()).as("answered by the gateway itself").isEmpty();
        }
    }

    @Nested
    class EverythingElseStaysClosed {

        @ParameterizedTest
        @ValueSource(strings = { "/api/v1/customers/c-1", "/consoles/x", "/console-admin", "/api/v1/console/x" })
        void aPathThatOnlyLooksLikeTheConsoleStillNeedsAToken(String path) {
            assertProblem(browser.get(path), 401, "auth.unauthenticated");
            assertThat(CONSOLE.getAllServeEvents()).isEmpty();
            assertThat(CUSTOMER_SERVICE.getAllServeEvents()).isEmpty();
        }

        @Test
        void aWriteToTheRootIsNotOpened() {
            HttpResponse<String> response = browser.send(browser.request("/")
                    .POST(HttpRequest.BodyPublishers.ofString("x=1")).build());

            assertProblem(response, 401, "auth.unauthenticated");
        }

        @Test
        void dotSegmentsThroughTheConsolePathNeverReachAnApi() {
            // sent raw: an HTTP client library would resolve the dot segments before sending
            String response = rawGet("/console/../api/v1/customers/c-dots");

            // Spring Security's firewall refuses a path that is not normalised, before any route is chosen
            assertThat(response).startsWith("HTTP/1.1 400 ").contains("Content-Type: application/problem+json")
                    .contains("\"code\":\"http.400\"");
            assertThat(CUSTOMER_SERVICE.getAllServeEvents()).as("the API behind the console path").isEmpty();
            assertThat(CONSOLE.getAllServeEvents()).isEmpty();
        }

        @Test
        void aBearerTokenSentToTheConsoleIsStillChecked() {
            String forged = ISSUER.token("staff-1").signWith(TestIssuer.rsaKey("attacker-key"));

            assertProblem(browser.as(forged).get("/console/customers"), 401, "auth.invalid-token");
            assertThat(CONSOLE.getAllServeEvents()).as("a bad token reaches nothing").isEmpty();
        }

        @Test
        void aValidBearerTokenSentToTheConsoleIsLetThrough() {
            // the launcher checks the console's route with the same token it uses for the services' pings
            HttpResponse<String> response = browser.as(ISSUER.tokenFor("partner-demo")).get("/console/ping");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).path("service").asString()).isEqualTo("console");
        }
    }

    @Nested
    class ResponseHeaders {

        @Test
        void theConsolesOwnContentSecurityPolicyIsKeptAndTheOtherHeadersStillApply() {
            CONSOLE.stubFor(get(urlEqualTo("/console/framed")).atPriority(1).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Security-Policy", CONSOLE_CSP)
                    .withHeader("X-Frame-Options", "SAMEORIGIN")
                    .withHeader("Referrer-Policy", "same-origin")));

            HttpResponse<String> response = browser.get("/console/framed");

            assertThat(response.headers().allValues("Content-Security-Policy")).containsExactly(CONSOLE_CSP);
            assertThat(response.headers().allValues("X-Frame-Options")).as("only the CSP and referrer policy are the console's")
                    .containsExactly("DENY");
            // under no-referrer a browser posts the console's forms with "Origin: null", which CORS refuses
            assertThat(response.headers().allValues("Referrer-Policy")).containsExactly("same-origin");
            assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
            assertThat(response.headers().allValues("Strict-Transport-Security")).hasSize(1);
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        }

        @Test
        void aConsoleAnswerWithoutAPolicyGetsTheStrictOne() {
            CONSOLE.stubFor(get(urlEqualTo("/console/bare")).atPriority(1).willReturn(okJson("{}")));

            HttpResponse<String> bare = browser.get("/console/bare");
            assertThat(bare.headers().allValues("Content-Security-Policy")).containsExactly(API_CSP);
            assertThat(bare.headers().allValues("Referrer-Policy")).containsExactly("no-referrer");
        }

        @Test
        void anApiAnswerStillGetsTheStrictPolicyOverTheServicesOwn() {
            HttpResponse<String> response = browser.as(ISSUER.tokenFor("staff-agent-1")).get("/api/v1/customers/c-1");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().allValues("Content-Security-Policy")).containsExactly(API_CSP);
        }

        @Test
        void theRedirectFromTheRootCarriesTheStrictPolicy() {
            assertThat(browser.get("/").headers().allValues("Content-Security-Policy")).containsExactly(API_CSP);
        }
    }

    @Nested
    class ForwardedHeaders {

        @Test
        void theConsoleLearnsTheHostPortAndSchemeTheBrowserUsed() {
            browser.get("/console/login");

            assertThat(consoleReceived("/console/login")).singleElement().satisfies(request -> {
                assertThat(request.getHeader("X-Forwarded-Host")).isEqualTo("127.0.0.1:" + port);
                assertThat(request.getHeader("X-Forwarded-Port")).isEqualTo(String.valueOf(port));
                assertThat(request.getHeader("X-Forwarded-Proto")).isEqualTo("http");
                assertThat(request.getHeader("X-Forwarded-For")).isEqualTo("127.0.0.1");
            });
        }

        @Test
        void forwardedHeadersAClientWroteAreReplacedOrDropped() {
            browser.send(browser.request("/console/login?forged")
                    .header("X-Forwarded-Host", "evil.example")
                    .header("X-Forwarded-Port", "443")
                    .header("X-Forwarded-Proto", "https")
                    .header("X-Forwarded-For", "203.0.113.9")
                    .header("X-Forwarded-Prefix", "/evil")
                    .header("Forwarded", "host=evil.example;proto=https")
                    .GET().build());

            assertThat(consoleReceived("/console/login?forged")).singleElement().satisfies(request -> {
                assertThat(request.getHeader("X-Forwarded-Host")).isEqualTo("127.0.0.1:" + port);
                assertThat(request.getHeader("X-Forwarded-Port")).isEqualTo(String.valueOf(port));
                assertThat(request.getHeader("X-Forwarded-Proto")).isEqualTo("http");
                assertThat(request.getHeader("X-Forwarded-For")).isEqualTo("127.0.0.1");
                assertThat(request.containsHeader("X-Forwarded-Prefix")).isFalse();
                assertThat(request.containsHeader("Forwarded")).isFalse();
            });
        }
    }

    /** The whole answer to a GET sent byte for byte, with the path exactly as given. */
    private String rawGet(String path) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) GatewayHttp.REQUEST_TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
