package org.crmsuite.complaint.intake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import org.crmsuite.testsupport.Api;
import org.crmsuite.complaint.support.ServiceTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Intake asks customer-service (WireMock) by Feign with this service's token, a 400 ms read timeout (test setting) and
 * the circuit breaker {@code customer-service} (test: opens after 3 calls with half of them failing, for 1 s). Whatever
 * customer-service does, the complaint is accepted; when it could not answer the case is "customer unverified" and
 * the verification job completes it later.
 */
class CustomerLookupTest extends ServiceTestBase {

    final String department = uniqueDepartment();
    final String agent = agent("staff-agent-1", department);

    @Autowired
    CustomerVerificationJob verification;
    @Autowired
    CircuitBreakerRegistry breakers;

    @BeforeEach
    @AfterEach
    void closeTheBreaker() {
        breakers.circuitBreaker("customer-service").reset();
    }

    @Test
    void aKnownCustomerIsVerifiedWithNameAndGradeAndTheCallCarriesTheServiceToken() {
        String id = file(complaint("vip-known", "L1", department), agent).text("id");
        JsonNode customer = api.get("/api/v1/complaints/" + id, agent).body().path("customer");
        assertThat(customer.path("verification").asString()).isEqualTo("VERIFIED");
        assertThat(customer.path("name").asString()).isEqualTo("华信钢铁 Huaxin Steel");
        assertThat(customer.path("grade").asString()).isEqualTo("VIP");
        assertThat(customer.path("ownerId").asString()).isEqualTo("staff-sales-1");
        CUSTOMER_SERVICE.verify(getRequestedFor(urlPathMatching("/api/v1/customers/vip-known/business-status"))
                .withHeader("Authorization", equalTo("Bearer complaint-service-token")));
    }

    @Test
    void anUnknownCustomerIsRecordedAsNotFoundAndTheComplaintAccepted() {
        Api.Response filed = file(complaint("missing-1", "L1", department), agent);
        assertThat(filed.text("customerVerification")).isEqualTo("NOT_FOUND");
        assertThat(breakers.circuitBreaker("customer-service").getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void whenCustomerServiceFailsTheComplaintIsAcceptedAsCustomerUnverified() {
        CUSTOMER_SERVICE.stubFor(get(urlPathMatching("/api/v1/customers/err-.*/business-status"))
                .willReturn(aResponse().withStatus(500).withBody("{\"code\":\"internal.error\"}")));
        Api.Response filed = file(complaint("err-1", "L1", department), agent);
        assertThat(filed.text("customerVerification")).isEqualTo("UNVERIFIED");
        assertThat(filed.text("state")).isEqualTo("RECEIVED");
        Api.Response view = api.get("/api/v1/complaints/" + filed.text("id"), agent);
        assertThat(view.body().path("customer").path("note").asString()).as(view.raw()).isEqualTo("customer unverified: answered 500");
    }

    @Test
    void whenCustomerServiceIsSlowTheCircuitOpensComplaintsAreStillAcceptedAndLaterVerified() {
        CUSTOMER_SERVICE.stubFor(get(urlPathMatching("/api/v1/customers/slow-.*/business-status")).willReturn(aResponse()
                .withFixedDelay(1500).withHeader("Content-Type", "application/json").withBody("{\"grade\":\"VIP\"}")));
        String[] ids = new String[5];
        for (int i = 0; i < 3; i++) { // each waits for the 400 ms read timeout
            Api.Response filed = file(complaint("slow-" + i, "L1", department), agent);
            assertThat(filed.text("customerVerification")).isEqualTo("UNVERIFIED");
            ids[i] = filed.text("id");
        }
        CircuitBreaker breaker = breakers.circuitBreaker("customer-service");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        for (int i = 3; i < 5; i++) { // the open circuit answers at once: customer-service is not even asked
            long started = System.nanoTime();
            Api.Response filed = file(complaint("slow-" + i, "L1", department), agent);
            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1500);
            assertThat(filed.text("customerVerification")).isEqualTo("UNVERIFIED");
            ids[i] = filed.text("id");
        }
        CUSTOMER_SERVICE.verify(3, getRequestedFor(urlPathMatching("/api/v1/customers/slow-.*/business-status")));
        assertThat(api.get("/api/v1/complaints/" + ids[4], agent).body().path("customer").path("note").asString())
                .isEqualTo("customer unverified: circuit breaker open");

        // customer-service is back: after the open state (1 s) the verification job completes every unverified case
        CUSTOMER_SERVICE.stubFor(get(urlPathMatching("/api/v1/customers/.*/business-status")).atPriority(10).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"name\":\"Recovered Ltd\",\"grade\":\"VIP\"}")));
        CUSTOMER_SERVICE.stubFor(get(urlPathMatching("/api/v1/customers/slow-.*/business-status")).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"customerId\":\"slow\",\"allowed\":true,\"name\":\"慢公司 Slow Co\",\"grade\":\"PREFERRED\"}")));
        sleep(1100);
        assertThat(verification.runOnce()).isGreaterThanOrEqualTo(5);
        for (String id : ids) {
            JsonNode customer = api.get("/api/v1/complaints/" + id, agent).body().path("customer");
            assertThat(customer.path("verification").asString()).isEqualTo("VERIFIED");
            assertThat(customer.path("grade").asString()).isEqualTo("PREFERRED");
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void theVerificationJobLeavesCasesUnverifiedWhileCustomerServiceIsStillDown() {
        CUSTOMER_SERVICE.stubFor(get(urlPathMatching("/api/v1/customers/down-.*/business-status"))
                .willReturn(aResponse().withStatus(503)));
        String id = file(complaint("down-1", "L1", department), agent).text("id");
        CUSTOMER_SERVICE.stubFor(get(urlPathMatching("/api/v1/customers/.*/business-status")).atPriority(10)
                .willReturn(aResponse().withStatus(503)));
        verification.runOnce();
        assertThat(api.get("/api/v1/complaints/" + id, agent).body().path("customer").path("verification").asString())
                .isEqualTo("UNVERIFIED");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
