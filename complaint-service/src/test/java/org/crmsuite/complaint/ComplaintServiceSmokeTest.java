package org.crmsuite.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import org.crmsuite.testsupport.Api;
import org.crmsuite.complaint.support.ServiceTestBase;
import org.crmsuite.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/** The service boots on its own database and exposes health, metrics, OpenAPI and its ping route. */
class ComplaintServiceSmokeTest extends ServiceTestBase {

    static final String PING = "/api/v1/complaints/ping";

    String token() {
        return TestTokens.bearer("staff-1", "d-east", "AGENT");
    }

    @Test
    void healthIsUpWithMongoAndBroker() {
        Api.Response health = api.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.raw()).contains("\"mongo\"").contains("\"rabbit\"").contains("UP");
        assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
    }

    @Test
    void exposesPrometheusMetricsAndOpenApi() {
        assertThat(api.get("/actuator/prometheus", null).raw()).contains("jvm_memory_used_bytes")
                .contains("application=\"complaint-service\"");
        Api.Response docs = api.get("/v3/api-docs", null);
        assertThat(docs.raw()).contains("\"openapi\"").contains("/api/v1/complaints/{id}/transitions")
                .contains("/api/v1/work-orders").contains("/api/v1/calendars/{id}/add");
    }

    @Test
    void apiNeedsAToken() {
        Api.Response anonymous = api.get(PING, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void pingNamesTheService() {
        Api.Response ping = api.get(PING, token());
        assertThat(ping.status()).isEqualTo(200);
        assertThat(ping.text("service")).isEqualTo("complaint-service");
    }

    @Test
    void unknownPathIsProblemJson404() {
        Api.Response missing = api.get("/api/v1/complaints/no/such/thing/here", token());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
    }
}
