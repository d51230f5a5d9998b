package org.crmsuite.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.crmsuite.gateway.GatewayHttp.assertProblem;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * What a caller sees of the rate limit, whichever store counts: a budget of {@value #BURST} requests refilled at one
 * per second (set small here), then 429 problem+json with Retry-After and the X-RateLimit headers, the refused
 * request never routed, and every other caller still served. Each store's test class runs these against its store.
 */
abstract class RateLimitBehaviour {

    static final int BURST = 3;
    static final String CUSTOMERS = "/api/v1/customers";

    static WireMockServer startCustomerService() {
        WireMockServer server = new WireMockServer(
                options().bindAddress("127.0.0.1").dynamicPort().containerThreads(12).jettyAcceptors(1));
        server.start();
        return server;
    }

    static void register(DynamicPropertyRegistry registry, TestIssuer issuer, WireMockServer customerService) {
        issuer.register(registry);
        registry.add("spring.cloud.discovery.client.simple.instances.customer-service[0].uri",
                () -> "http://127.0.0.1:" + customerService.port());
        registry.add("crm.gateway.rate-limit.replenish-rate", () -> "1");
        registry.add("crm.gateway.rate-limit.burst-capacity", () -> String.valueOf(BURST));
        registry.add("crm.gateway.rate-limit.requested-tokens", () -> "1");
    }

    abstract TestIssuer issuer();

    abstract WireMockServer customerService();

    /** A caller's {@code sub}, unique to this run where the count outlives it (Redis). */
    abstract String subject(String name);

    @LocalServerPort
    int port;

    @BeforeEach
    void stubCustomerService() {
        issuer().publishKeys();
        customerService().resetAll();
        customerService().stubFor(any(anyUrl()).willReturn(okJson("{\"service\":\"customer-service\"}")));
    }

    GatewayHttp caller(String name) {
        return new GatewayHttp(port).as(issuer().tokenFor(subject(name)));
    }

    @Test
    void aCallerPastTheLimitGetsA429ProblemWhileAnotherCallerIsStillServed() {
        GatewayHttp busy = caller("busy");
        int served = 0;
        HttpResponse<String> refused = null;
        for (int i = 0; i < 3 * BURST && refused == null; i++) {
            HttpResponse<String> response = busy.get(CUSTOMERS + "/busy-" + i);
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertThat(response.statusCode()).isEqualTo(200);
                served++;
            }
        }

        assertThat(refused).as("refused within %d requests", 3 * BURST).isNotNull();
        // the burst, and at most one token refilled meanwhile (one per second)
        assertThat(served).isBetween(BURST, BURST + 1);
        assertProblem(refused, 429, "gateway.rate-limited");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        assertThat(refused.headers().firstValue("X-RateLimit-Burst-Capacity")).hasValue(String.valueOf(BURST));
        assertThat(refused.headers().firstValue("X-RateLimit-Replenish-Rate")).hasValue("1");
        assertThat(refused.headers().firstValue("X-RateLimit-Requested-Tokens")).hasValue("1");
        assertThat(refused.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(customerService().findAll(getRequestedFor(urlPathMatching(CUSTOMERS + "/busy-.*"))))
                .as("only the served requests were routed").hasSize(served);

        HttpResponse<String> other = caller("quiet").get(CUSTOMERS + "/quiet-1");
        assertThat(other.statusCode()).as("another caller is not held up by the busy one").isEqualTo(200);
    }

    @Test
    void aRefusedCallerIsServedAgainAfterRetryAfter() throws InterruptedException {
        GatewayHttp caller = caller("patient");
        HttpResponse<String> response = caller.get(CUSTOMERS + "/patient");
        while (response.statusCode() == 200) {
            response = caller.get(CUSTOMERS + "/patient");
        }
        assertThat(response.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());

        Thread.sleep(retryAfter * 1_000 + 200);

        assertThat(caller.get(CUSTOMERS + "/patient").statusCode()).isEqualTo(200);
    }

    @Test
    void aServedAnswerTellsTheCallerWhatIsLeft() {
        HttpResponse<String> first;
        HttpResponse<String> second;
        for (int attempt = 1;; attempt++) {
            // one token comes back every second, and the Redis store counts whole seconds: two requests on either side
            // of a second's turn see a refill in between. Such a pair is repeated, by a new caller with a full budget.
            GatewayHttp caller = caller("counting-" + attempt);
            long secondBefore = System.currentTimeMillis() / 1000;
            first = caller.get(CUSTOMERS + "/counting-1");
            second = caller.get(CUSTOMERS + "/counting-2");
            if (System.currentTimeMillis() / 1000 == secondBefore || attempt == 5) {
                break;
            }
        }

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("X-RateLimit-Remaining")).hasValue(String.valueOf(BURST - 1));
        assertThat(second.headers().firstValue("X-RateLimit-Remaining")).hasValue(String.valueOf(BURST - 2));
        assertThat(first.headers().firstValue("Retry-After")).isEmpty();
    }
}
