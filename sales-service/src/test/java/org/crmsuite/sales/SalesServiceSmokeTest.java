package org.crmsuite.sales;

import static org.assertj.core.api.Assertions.assertThat;

import org.crmsuite.sales.support.Http;
import org.crmsuite.sales.support.SalesTestBase;
import org.junit.jupiter.api.Test;

/** The service boots on its own database and exposes health, metrics, OpenAPI and its ping route. */
class SalesServiceSmokeTest extends SalesTestBase {

    static final String PING = "/api/v1/reception/ping";

    @Test
    void healthIsUpWithMongoAndBroker() {
        Http.Response health = api.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.raw()).contains("\"mongo\"").contains("\"rabbit\"").contains("UP");
        assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
    }

    @Test
    void exposesPrometheusMetricsAndOpenApi() {
        assertThat(api.get("/actuator/prometheus", null).raw()).contains("jvm_memory_used_bytes")
                .contains("application=\"sales-service\"");
        Http.Response docs = api.get("/v3/api-docs", null);
        assertThat(docs.raw()).contains("\"openapi\"").contains("/api/v1/reception/offices/{officeId}/walk-ins")
                .contains("/api/v1/deposits");
    }

    @Test
    void apiNeedsAToken() {
        Http.Response anonymous = api.get(PING, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
    }

    @Test
    void pingNamesTheService() {
        Http.Response ping = api.get(PING, agent());
        assertThat(ping.status()).isEqualTo(200);
        assertThat(ping.raw()).contains("\"service\":\"sales-service\"");
    }

    @Test
    void unknownPathIsProblemJson404() {
        Http.Response missing = api.get("/api/v1/reception/no/such/thing/here", agent());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }
}
