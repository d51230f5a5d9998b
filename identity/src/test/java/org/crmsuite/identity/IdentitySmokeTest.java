package org.crmsuite.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.crmsuite.identity.support.IdentityIntegrationTest;
import org.crmsuite.identity.support.OAuth;
import org.junit.jupiter.api.Test;

/** The service boots on its own database and exposes health, metrics, OpenAPI and its ping route. */
class IdentitySmokeTest extends IdentityIntegrationTest {

    @Test
    void healthIsUpWithMongoAndBroker() {
        HttpResponse<String> health = OAuth.call("GET", url("/actuator/health"), null, null);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"mongo\"").contains("\"rabbit\"").contains("UP");
        assertThat(OAuth.call("GET", url("/actuator/health/readiness"), null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void exposesPrometheusMetricsAndOpenApi() {
        assertThat(OAuth.text(url("/actuator/prometheus")).body()).contains("application=\"identity\"");
        HttpResponse<String> api = OAuth.call("GET", url("/v3/api-docs"), null, null);
        assertThat(api.body()).contains("\"openapi\"").contains("/api/v1/staff/{id}/escalation");
    }

    @Test
    void pingNamesTheService() {
        HttpResponse<String> ping = OAuth.call("GET", url("/api/v1/staff/ping"), null, null);

        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(ping.body()).contains("\"service\":\"identity\"");
    }

    @Test
    void loginFormAsksForUsernameAndPassword() {
        HttpResponse<String> login = OAuth.call("GET", url("/login"), null, null);

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("name=\"username\"").contains("name=\"password\"");
    }
}
