package org.crmsuite.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.crmsuite.testsupport.Api;
import org.crmsuite.notification.support.ServiceTestBase;
import org.crmsuite.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/** The service boots on its own database and exposes health, metrics, OpenAPI and its ping route. */
class NotificationServiceSmokeTest extends ServiceTestBase {

    static final String PING = "/api/v1/notifications/ping";

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
                .contains("application=\"notification-service\"");
        assertThat(api.get("/v3/api-docs", null).raw()).contains("\"openapi\"").contains("/api/v1/subscriptions");
    }

    @Test
    void apiNeedsAToken() {
        Api.Response anonymous = api.get(PING, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void pingNamesTheService() {
        Api.Response ping = api.get(PING, TestTokens.bearer("staff-1", "d-east", "AGENT"));
        assertThat(ping.status()).isEqualTo(200);
        assertThat(ping.raw()).contains("\"service\":\"notification-service\"");
    }

    @Test
    void unknownPathIsProblemJson404() {
        Api.Response missing = api.get("/api/v1/notifications/no/such/thing/here", TestTokens.bearer("staff-1", "d-east", "AGENT"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
    }
}
