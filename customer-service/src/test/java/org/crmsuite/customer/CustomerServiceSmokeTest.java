package org.crmsuite.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** The service boots on its own database and exposes health, metrics, OpenAPI and its ping route. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
@ActiveProfiles("test")
class CustomerServiceSmokeTest {

    @Autowired
    TestRestTemplate http;

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
    void pingNamesTheService() {
        ResponseEntity<String> ping = http.getForEntity("/api/v1/customers/ping", String.class);
        assertThat(ping.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ping.getBody()).contains("\"service\":\"customer-service\"");
    }

    @Test
    void unknownPathIsProblemJson404() {
        ResponseEntity<String> missing = http.getForEntity("/api/v1/customers/no/such/thing/here", String.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
