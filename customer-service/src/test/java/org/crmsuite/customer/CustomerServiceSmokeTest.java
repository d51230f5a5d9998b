package org.crmsuite.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.crmsuite.customer.support.ApiTest;
import org.crmsuite.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The service boots on its own database and exposes health, metrics, OpenAPI and its ping route (real HTTP on a
 * random port; shares the application context of the other API tests).
 */
class CustomerServiceSmokeTest extends ApiTest {

    static final String PING = "/api/v1/customers/ping";

    @Autowired
    TestRestTemplate http;

    ResponseEntity<String> authorized(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, TestTokens.bearer("staff-1", "d-east", "AGENT"));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    @Test
    void healthIsUpWithMongoAndBroker() {
        ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).contains("\"mongo\"").contains("\"rabbit\"").contains("UP");
        assertThat(http.getForEntity("/actuator/health/readiness", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/actuator/health/liveness", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void exposesPrometheusMetricsAndOpenApi() {
        assertThat(http.getForObject("/actuator/prometheus", String.class)).contains("jvm_memory_used_bytes")
                .contains("application=\"customer-service\"");
        assertThat(http.getForObject("/v3/api-docs", String.class)).contains("\"openapi\"");
    }

    @Test
    void apiNeedsAToken() {
        ResponseEntity<String> anonymous = http.getForEntity(PING, String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void pingNamesTheService() {
        ResponseEntity<String> ping = authorized(PING);
        assertThat(ping.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ping.getBody()).contains("\"service\":\"customer-service\"");
    }

    @Test
    void unknownPathIsProblemJson404() {
        ResponseEntity<String> missing = authorized("/api/v1/customers/no/such/thing/here");
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
