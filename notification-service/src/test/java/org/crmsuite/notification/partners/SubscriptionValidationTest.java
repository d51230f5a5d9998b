package org.crmsuite.notification.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crmsuite.testsupport.Api;
import org.crmsuite.notification.support.ServiceTestBase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** NO-3 bad input: SSRF attempts and unknown event types are refused with a problem naming the field. */
class SubscriptionValidationTest extends ServiceTestBase {

    private Api.Response subscribe(String url, List<String> types) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventTypes", types);
        body.put("url", url);
        body.put("contactEmail", "ops@partner.example");
        return api.post("/api/v1/subscriptions", partner("partner-ssrf"), body);
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1:8085/api/v1/notifications/rules", "http://localhost:9000/oauth2/token",
            "http://169.254.169.254/latest/meta-data/", "http://10.0.0.5/hook", "http://192.168.1.10/hook",
            "http://172.16.3.4/hook", "http://[::1]:8080/hook", "http://[fd00::1]/hook", "http://0.0.0.0/hook",
            "http://[::ffff:127.0.0.1]/hook", "ftp://partner.example/hook", "http://user:pw@127.0.0.1/hook", "not a url" })
    void callbackUrlsIntoTheSuiteAreRefused_NO3(String url) {
        Api.Response refused = subscribe(url, List.of("crm.complaint.resolved.v1"));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.text("code")).isEqualTo("subscription.url-forbidden");
        assertThat(refused.body().path("errors").get(0).path("field").asString()).isEqualTo("url");
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "subscriptions")).isZero();
    }

    @Test
    void unknownEventTypeIsRefusedListingTheKnownOnes_NO3() {
        Api.Response refused = subscribe(PROVIDERS.baseUrl() + "/partner/x", List.of("crm.complaint.deleted.v1"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("code")).isEqualTo("event-type.unknown");
        assertThat(refused.body().path("known").toString()).contains("crm.complaint.resolved.v1")
                .doesNotContain("crm.complaint.major-reported.v1");
        // internal staff-only types are not for partners either
        assertThat(subscribe(PROVIDERS.baseUrl() + "/partner/x", List.of("crm.complaint.sla-warning.v1")).status()).isEqualTo(400);
    }

    @Test
    void onlyPartnersAndAdministratorsManageSubscriptions() {
        Map<String, Object> body = Map.of("eventTypes", List.of("crm.complaint.resolved.v1"), "url",
                PROVIDERS.baseUrl() + "/partner/x", "contactEmail", "ops@partner.example");
        assertThat(api.post("/api/v1/subscriptions", agent("demo-agent-1"), body).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/subscriptions", null, body).status()).isEqualTo(401);
        Api.Response missingEmail = api.post("/api/v1/subscriptions", partner("partner-v"),
                Map.of("eventTypes", List.of("crm.complaint.resolved.v1"), "url", PROVIDERS.baseUrl() + "/partner/x"));
        assertThat(missingEmail.status()).isEqualTo(400);
        assertThat(missingEmail.raw()).contains("contactEmail");
    }
}
