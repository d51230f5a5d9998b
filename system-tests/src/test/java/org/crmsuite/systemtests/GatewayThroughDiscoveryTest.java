package org.crmsuite.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.crmsuite.systemtests.support.ChildJvm;
import org.crmsuite.testsupport.TestTokens;
import org.crmsuite.systemtests.support.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real thing: discovery, customer-service and the gateway from their runnable jars, as separate JVMs on random
 * loopback ports. A call through the gateway reaches the service that Eureka knows of; once that service is gone
 * the gateway answers a prompt problem+json 503, never an HTML page and never a hang.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayThroughDiscoveryTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    /** Every call has this timeout: a gateway that hangs fails the test instead of stalling it. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static MongoServer mongo;
    private static final List<ChildJvm> children = new ArrayList<>();
    private static ChildJvm discovery;
    private static ChildJvm customerService;
    private static ChildJvm gateway;

    @BeforeAll
    static void startTheSuite() {
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        InetSocketAddress mongoAddress = mongo.getLocalAddress();
        int discoveryPort = FreePorts.next();
        String eureka = "http://localhost:" + discoveryPort + "/eureka/";

        // all three boot at once; the service and the gateway keep trying Eureka until it is up
        discovery = started(ChildJvm.module("discovery").port(discoveryPort));
        customerService = started(ChildJvm.module("customer-service").port(FreePorts.next())
                .env("EUREKA_URL", eureka)
                .env("SPRING_PROFILES_ACTIVE", "local")
                .env("SPRING_MONGODB_URI", "mongodb://127.0.0.1:" + mongoAddress.getPort())
                .env("SPRING_RABBITMQ_HOST", "127.0.0.1")
                .env("CRM_SECURITY_ISSUER", TestTokens.get().issuer()));
        gateway = started(ChildJvm.module("gateway").port(FreePorts.next())
                .env("EUREKA_URL", eureka)
                .env("SPRING_PROFILES_ACTIVE", "local")
                .env("CRM_SECURITY_ISSUER", TestTokens.get().issuer()));

        ChildJvm.awaitReady(children, START_TIMEOUT);
    }

    private static ChildJvm started(ChildJvm.Starter starter) {
        ChildJvm child = starter.start();
        children.add(child);
        return child;
    }

    @AfterAll
    static void stopTheSuite() {
        // the reverse of the start order: clients deregister while discovery is still there
        for (int i = children.size() - 1; i >= 0; i--) {
            ChildJvm child = children.get(i);
            try {
                child.close();
            } catch (RuntimeException e) {
                System.err.println("could not stop " + child.name() + ": " + e);
            }
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
    }

    @Test
    @Order(1)
    void aCallThroughTheGatewayReachesTheServiceFoundInDiscovery() {
        HttpResponse<String> ping = pollGateway("/api/v1/customers/ping", Duration.ofSeconds(60),
                response -> response.statusCode() == 200);

        assertThat(ping.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode body = JSON.readTree(ping.body());
        assertThat(body.path("service").asString()).isEqualTo("customer-service");
        assertThat(ping.headers().firstValue("X-Request-Id")).isPresent();

        assertThat(body.path("instance").asString()).startsWith("customer-service:");

        // the gateway has no address for the service but Eureka's: there it is registered on loopback, on its own port
        JsonNode registered = registeredInstance("CUSTOMER-SERVICE");
        assertThat(registered.path("hostName").asString()).isEqualTo("localhost");
        assertThat(registered.path("ipAddr").asString()).isEqualTo("127.0.0.1");
        assertThat(registered.path("port").path("$").asInt()).isEqualTo(customerService.port());
        JsonNode gatewayInstance = registeredInstance("GATEWAY");
        assertThat(gatewayInstance.path("hostName").asString()).isEqualTo("localhost");
        assertThat(gatewayInstance.path("ipAddr").asString()).isEqualTo("127.0.0.1");
    }

    @Test
    @Order(2)
    void afterTheServiceStopsTheGatewayAnswersAProblem503() {
        pollGateway("/api/v1/customers/ping", Duration.ofSeconds(60), response -> response.statusCode() == 200);

        customerService.stop(Duration.ofSeconds(20));
        assertThat(customerService.isAlive()).isFalse();

        HttpResponse<String> unavailable = pollGateway("/api/v1/customers/ping", Duration.ofSeconds(30),
                response -> response.statusCode() == 503);
        assertProblem503(unavailable);

        // and once Eureka has forgotten the instance, too (no live instance at all)
        awaitNoInstance("CUSTOMER-SERVICE", Duration.ofSeconds(30));
        assertProblem503(call(gatewayRequest("/api/v1/customers/ping")));
    }

    private static void assertProblem503(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(problem.path("code").asString()).isEqualTo("gateway.service-unavailable");
    }

    /**
     * Calls the gateway until {@code done} accepts an answer. Every answer on the way must be JSON (or problem+json)
     * and come within the request timeout: an HTML error page or a hang fails at once.
     */
    private static HttpResponse<String> pollGateway(String path, Duration within, Predicate<HttpResponse<String>> done) {
        Instant deadline = Instant.now().plus(within);
        HttpResponse<String> last = null;
        while (Instant.now().isBefore(deadline)) {
            last = call(gatewayRequest(path));
            String type = last.headers().firstValue("Content-Type").orElse("");
            assertThat(type).as("%s answered %s with body %s", path, last.statusCode(), last.body())
                    .doesNotContain("html");
            if (last.statusCode() >= 400) {
                assertThat(type).as("an error from %s: %s", path, last.body()).startsWith("application/problem+json");
            }
            if (done.test(last)) {
                return last;
            }
            sleep(Duration.ofMillis(500));
        }
        return fail("%s did not give the expected answer within %s s; last: %s %s%ngateway log:%n%s", path,
                within.toSeconds(), last == null ? "none" : last.statusCode(), last == null ? "" : last.body(),
                gateway.tail(40));
    }

    /** Both the gateway and the service check it; TestTokens plays the identity module's issuer. */
    private static final String TOKEN = TestTokens.bearer("staff-agent-1", "d-service", "AGENT");

    private static HttpRequest gatewayRequest(String path) {
        return HttpRequest.newBuilder(gateway.uri(path)).timeout(REQUEST_TIMEOUT).header("Accept", "application/json")
                .header("Authorization", TOKEN)
                .GET().build();
    }

    private static JsonNode registeredInstance(String application) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30)); // registration follows start-up by a few seconds
        HttpResponse<String> response = call(HttpRequest.newBuilder(eurekaApp(application)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json").GET().build());
        while (response.statusCode() == 404 && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofMillis(500));
            response = call(HttpRequest.newBuilder(eurekaApp(application)).timeout(REQUEST_TIMEOUT)
                    .header("Accept", "application/json").GET().build());
        }
        assertThat(response.statusCode()).as("Eureka knows %s", application).isEqualTo(200);
        JsonNode instances = JSON.readTree(response.body()).path("application").path("instance");
        assertThat(instances.size()).as("instances of %s in Eureka", application).isEqualTo(1);
        return instances.get(0);
    }

    private static void awaitNoInstance(String application, Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = call(HttpRequest.newBuilder(eurekaApp(application))
                    .timeout(REQUEST_TIMEOUT).header("Accept", "application/json").GET().build());
            if (response.statusCode() == 404
                    || JSON.readTree(response.body()).path("application").path("instance").isEmpty()) {
                return;
            }
            sleep(Duration.ofMillis(500));
        }
        fail("Eureka still lists %s after %s s", application, within.toSeconds());
    }

    private static URI eurekaApp(String application) {
        return discovery.uri("/eureka/apps/" + application);
    }

    private static HttpResponse<String> call(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return fail("%s did not answer within %s s (a hang)%ngateway log:%n%s", request.uri(),
                    REQUEST_TIMEOUT.toSeconds(), gateway.tail(40));
        } catch (IOException e) {
            return fail("%s failed: %s", request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
