package org.crmsuite.platform.calls;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Base64;

import org.crmsuite.platform.testapp.EchoClient;
import org.crmsuite.platform.testapp.EchoStatusClient;
import org.crmsuite.platform.testapp.PlatformTestApplication;
import org.crmsuite.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * Calls between services carry a service token got by client credentials, and the called service knows which
 * service called. WireMock plays the issuer's token endpoint and the other service.
 */
@SpringBootTest(classes = PlatformTestApplication.class, properties = "test.queue=platform-test.calls")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ServiceCallsTest {

    static final WireMockServer other = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());

    @Autowired
    EchoClient echo;
    @Autowired
    EchoStatusClient echoStatus;
    @Autowired
    MockMvc mvc;
    @Autowired
    CircuitBreakerRegistry breakers;

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) {
        other.start();
        other.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"svc-token-1\",\"token_type\":\"Bearer\",\"expires_in\":900}")));
        other.stubFor(get(urlEqualTo("/api/v1/echo")).willReturn(aResponse().withBody("pong")));
        other.stubFor(get(urlEqualTo("/api/v1/echo/status")).willReturn(aResponse().withBody("up")));
        registry.add("crm.security.token-uri", () -> other.baseUrl() + "/oauth2/token");
        registry.add("crm.security.client-secret", () -> "local-test-secret");
        registry.add("test.echo-url", other::baseUrl);
    }

    @AfterAll
    static void stop() {
        other.stop();
    }

    @Test
    void feignCallsCarryTheServiceTokenWhichIsFetchedOnceAndReused() {
        assertThat(echo.echo()).isEqualTo("pong");
        assertThat(echo.echo()).isEqualTo("pong");

        other.verify(2, getRequestedFor(urlEqualTo("/api/v1/echo")).withHeader("Authorization", equalTo("Bearer svc-token-1")));
        String basic = "Basic " + Base64.getEncoder().encodeToString("platform-test:local-test-secret".getBytes());
        other.verify(1, postRequestedFor(urlEqualTo("/oauth2/token")).withHeader("Authorization", equalTo(basic))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("grant_type=client_credentials")));
    }

    @Test
    void everyClientOfAServiceGoesThroughTheOneBreakerNamedAfterTheServiceWhateverItsContextId() {
        long before = breakers.circuitBreaker("echo-service").getMetrics().getNumberOfSuccessfulCalls();
        assertThat(echo.echo()).isEqualTo("pong");
        assertThat(echoStatus.status()).isEqualTo("up");

        // so resilience4j.circuitbreaker.instances.echo-service.* configures both clients
        assertThat(breakers.circuitBreaker("echo-service").getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(before + 2);
        assertThat(breakers.getAllCircuitBreakers()).extracting(b -> b.getName()).doesNotContain("echoStatus");
    }

    @Test
    void theCalledServiceKnowsWhichServiceCalled() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/api/v1/tickets/caller")
                        .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("complaint-service", null, "SERVICE")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("complaint-service"))
                .andExpect(jsonPath("$.roles[0]").value("SERVICE"));
    }
}
