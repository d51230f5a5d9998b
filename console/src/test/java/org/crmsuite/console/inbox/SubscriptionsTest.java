package org.crmsuite.console.inbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.crmsuite.console.ConsoleTest;
import org.crmsuite.console.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** NO-3 partner subscriptions on the inbox page, for administrators. */
class SubscriptionsTest extends ConsoleTest {

    private static final String SUBSCRIPTIONS = "/api/v1/subscriptions";
    private static final String EVENT_TYPES = "/api/v1/templates/event-types";

    /** The demo subscription of partner-demo (notification-service DemoData). */
    private static final String DEMO_SUBSCRIPTION = """
            {"id":"sub-demo-partner","partnerId":"partner-demo","eventTypes":["crm.complaint.work-order-issued.v1",
             "crm.complaint.work-order-completed.v1","crm.complaint.received.v1","crm.complaint.resolved.v1"],
             "url":"http://127.0.0.1:8099/hooks","contactEmail":"partner-demo@partner.local","description":"local demo sink",
             "status":"%s","consecutiveFailures":0,"lastError":null,"pausedAt":null,"pauseReason":%s,"activeSecrets":1,
             "version":0,"createdAt":"2026-11-22T00:00:00Z","updatedAt":"2026-11-22T00:00:00Z"}
            """;

    private static RequestPostProcessor admin() {
        return SignedIn.as("demo-admin", "dept-company", "ADMIN");
    }

    private static MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request) {
        return request.header("HX-Request", "true");
    }

    @BeforeEach
    void demoSubscriptionAndEventTypes() {
        gateway.stubFor(get(urlEqualTo(SUBSCRIPTIONS)).willReturn(okJson("[" + DEMO_SUBSCRIPTION.formatted("ACTIVE", "null") + "]")));
        gateway.stubFor(get(urlEqualTo(EVENT_TYPES)).willReturn(okJson("""
                [{"type":"crm.complaint.received.v1","routingKey":"complaint.case.received","variables":[],"partnerVisible":true},
                 {"type":"crm.complaint.major-reported.v1","routingKey":"complaint.case.major-reported","variables":[],"partnerVisible":false},
                 {"type":"crm.complaint.resolved.v1","routingKey":"complaint.case.resolved","variables":[],"partnerVisible":true},
                 {"type":"crm.customer.grade-changed.v1","routingKey":"customer.grade-changed","variables":[],"partnerVisible":true}]
                """)));
    }

    @Test
    void administratorsGetTheSubscriptionsPartOnTheInboxPage() throws Exception {
        gateway.stubFor(get(urlPathEqualTo("/api/v1/notifications/inbox")).willReturn(okJson("""
                {"items":[],"page":0,"size":20,"totalItems":0,"unread":0}""")));

        mvc.perform(MockMvcRequestBuilders.get("/console/inbox").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"subscriptions\""),
                        containsString("hx-get=\"/console/inbox/subscriptions\""))));
        mvc.perform(MockMvcRequestBuilders.get("/console/inbox").with(SignedIn.as("demo-manager-east", "dept-east-sales", "MANAGER")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"subscriptions\""))));
    }

    @Test
    void thePartListsEverySubscriptionWithItsStateAndOffersOnlyPartnerEventTypes() throws Exception {
        mvc.perform(htmx(MockMvcRequestBuilders.get("/console/inbox/subscriptions")).with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("sub-demo-partner"), containsString("partner-demo"),
                        containsString("http://127.0.0.1:8099/hooks"), containsString(">Active<"),
                        containsString("hx-post=\"/console/inbox/subscriptions/sub-demo-partner/pause\""),
                        containsString("hx-post=\"/console/inbox/subscriptions/sub-demo-partner/delete\""),
                        not(containsString("/console/inbox/subscriptions/sub-demo-partner/resume")),
                        containsString("id=\"subscription-form\""), containsString("id=\"subscription-submit\""),
                        containsString("value=\"crm.customer.grade-changed.v1\""),
                        not(containsString("value=\"crm.complaint.major-reported.v1\"")))));
        gateway.verify(getRequestedFor(urlEqualTo(SUBSCRIPTIONS)).withHeader("Authorization", equalTo("Bearer token-demo-admin")));
    }

    @Test
    void creatingASubscriptionSendsTheApisJsonAndShowsTheSecretOnce() throws Exception {
        gateway.stubFor(post(urlEqualTo(SUBSCRIPTIONS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"subscription":{"id":"6740a1b2c3d4e5f601234567","partnerId":"demo-admin",
                         "eventTypes":["crm.complaint.received.v1","crm.complaint.resolved.v1"],
                         "url":"https://hooks.partner.example/crm","contactEmail":"ops@partner.example","status":"ACTIVE"},
                         "secret":"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}""")));

        mvc.perform(htmx(MockMvcRequestBuilders.post("/console/inbox/subscriptions"))
                        .param("eventTypes", "crm.complaint.received.v1", "crm.complaint.resolved.v1")
                        .param("url", " https://hooks.partner.example/crm ").param("contactEmail", "ops@partner.example")
                        .param("description", "").with(admin()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"subscription-created\""),
                        containsString("6740a1b2c3d4e5f601234567"),
                        containsString("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))));

        // NO-3: exactly the API's fields; a blank description is left out, the URL trimmed
        gateway.verify(postRequestedFor(urlEqualTo(SUBSCRIPTIONS))
                .withHeader("Authorization", equalTo("Bearer token-demo-admin"))
                .withHeader("Idempotency-Key", matchingAnything())
                .withRequestBody(equalToJson("""
                        {"eventTypes":["crm.complaint.received.v1","crm.complaint.resolved.v1"],
                         "url":"https://hooks.partner.example/crm","contactEmail":"ops@partner.example"}""")));
        // the secret is only in the answer to the create: showing the part again shows it no more
        mvc.perform(htmx(MockMvcRequestBuilders.get("/console/inbox/subscriptions")).with(admin()))
                .andExpect(content().string(not(containsString("whsec_"))));
    }

    @Test
    void aForbiddenCallbackUrlIsShownNextToTheUrlWithTheFormKept() throws Exception {
        // NO-3: loopback, private and link-local callback hosts are refused (SSRF)
        gateway.stubFor(post(urlEqualTo(SUBSCRIPTIONS)).willReturn(problem(400, """
                {"title":"Bad request","status":400,"detail":"url: the host resolves to a loopback address",
                 "code":"subscription.url-forbidden",
                 "errors":[{"field":"url","message":"the host resolves to a loopback address"}]}""")));

        mvc.perform(htmx(MockMvcRequestBuilders.post("/console/inbox/subscriptions"))
                        .param("eventTypes", "crm.complaint.received.v1").param("url", "https://127.0.0.1/hooks")
                        .param("contactEmail", "ops@partner.example").with(admin()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("id=\"error-url\">the host resolves to a loopback address</p>"),
                        containsString("value=\"https://127.0.0.1/hooks\""), containsString("value=\"ops@partner.example\""),
                        containsString("value=\"crm.complaint.received.v1\" checked=\"checked\""),
                        not(containsString("id=\"subscription-created\"")))));
    }

    @Test
    void validationErrorsAppearNextToEachFieldTheServiceNamed() throws Exception {
        gateway.stubFor(post(urlEqualTo(SUBSCRIPTIONS)).willReturn(problem(400, """
                {"title":"Invalid request","status":400,"detail":"The request has invalid fields","code":"request.invalid",
                 "errors":[{"field":"contactEmail","message":"must be a well-formed email address"},
                           {"field":"eventTypes","message":"must not be empty"}]}""")));

        mvc.perform(htmx(MockMvcRequestBuilders.post("/console/inbox/subscriptions"))
                        .param("url", "https://hooks.partner.example/crm").param("contactEmail", "ops-at-partner")
                        .with(admin()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("id=\"error-contactEmail\">must be a well-formed email address<"),
                        containsString("id=\"error-eventTypes\">must not be empty<"),
                        not(containsString("id=\"error-url\"")))));
        gateway.verify(postRequestedFor(urlEqualTo(SUBSCRIPTIONS)).withRequestBody(equalToJson("""
                {"eventTypes":[],"url":"https://hooks.partner.example/crm","contactEmail":"ops-at-partner"}""")));
    }

    @Test
    void anEventTypePartnersMayNotSubscribeToIsShownNextToTheEventTypes() throws Exception {
        gateway.stubFor(post(urlEqualTo(SUBSCRIPTIONS)).willReturn(problem(400, """
                {"title":"Bad request","status":400,"code":"event-type.unknown","field":"eventTypes[0]",
                 "detail":"Unknown event type 'crm.complaint.major-reported.v1' in eventTypes[0]",
                 "known":["crm.complaint.received.v1"]}""")));

        mvc.perform(htmx(MockMvcRequestBuilders.post("/console/inbox/subscriptions"))
                        .param("eventTypes", "crm.complaint.major-reported.v1").param("url", "https://hooks.partner.example/crm")
                        .param("contactEmail", "ops@partner.example").with(admin()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString(
                        "id=\"error-eventTypes\">Unknown event type &#39;crm.complaint.major-reported.v1&#39; in eventTypes[0]<")));
    }

    @Test
    void pausingAndResumingAskTheServiceAndShowTheNewState() throws Exception {
        gateway.stubFor(post(urlEqualTo(SUBSCRIPTIONS + "/sub-demo-partner/pause")).willReturn(okJson(
                DEMO_SUBSCRIPTION.formatted("PAUSED", "\"paused by demo-admin\""))));
        gateway.stubFor(get(urlEqualTo(SUBSCRIPTIONS)).willReturn(okJson(
                "[" + DEMO_SUBSCRIPTION.formatted("PAUSED", "\"paused by demo-admin\"") + "]")));

        mvc.perform(htmx(MockMvcRequestBuilders.post("/console/inbox/subscriptions/sub-demo-partner/pause"))
                        .with(admin()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">Paused<"), containsString("paused by demo-admin"),
                        containsString("hx-post=\"/console/inbox/subscriptions/sub-demo-partner/resume\""))));
        gateway.verify(postRequestedFor(urlEqualTo(SUBSCRIPTIONS + "/sub-demo-partner/pause"))
                .withHeader("Authorization", equalTo("Bearer token-demo-admin")));
    }

    @Test
    void deletingDisablesTheSubscriptionThroughTheApisDelete() throws Exception {
        gateway.stubFor(delete(urlEqualTo(SUBSCRIPTIONS + "/sub-demo-partner")).willReturn(aResponse().withStatus(204)));
        gateway.stubFor(get(urlEqualTo(SUBSCRIPTIONS)).willReturn(okJson(
                "[" + DEMO_SUBSCRIPTION.formatted("DISABLED", "null") + "]")));

        mvc.perform(htmx(MockMvcRequestBuilders.post("/console/inbox/subscriptions/sub-demo-partner/delete"))
                        .with(admin()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">Disabled<"),
                        not(containsString("sub-demo-partner/delete")), not(containsString("sub-demo-partner/pause")))));
        gateway.verify(deleteRequestedFor(urlEqualTo(SUBSCRIPTIONS + "/sub-demo-partner"))
                .withHeader("Authorization", equalTo("Bearer token-demo-admin")));
    }

    @Test
    void aRefusedActionIsShownAboveTheList() throws Exception {
        gateway.stubFor(post(urlEqualTo(SUBSCRIPTIONS + "/sub-demo-partner/resume")).willReturn(problem(409, """
                {"title":"Conflict","status":409,"detail":"The subscription is disabled","code":"subscription.disabled"}""")));

        mvc.perform(htmx(MockMvcRequestBuilders.post("/console/inbox/subscriptions/sub-demo-partner/resume"))
                        .with(admin()).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("The subscription is disabled"),
                        containsString("subscription.disabled"), containsString("sub-demo-partner"))));
    }

    @Test
    void notificationServiceDownShowsThePartUnavailable() throws Exception {
        gateway.stubFor(get(urlEqualTo(SUBSCRIPTIONS)).willReturn(aResponse().withStatus(503)));

        mvc.perform(htmx(MockMvcRequestBuilders.get("/console/inbox/subscriptions")).with(admin()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(allOf(containsString("Temporarily unavailable"),
                        not(containsString("id=\"subscription-form\"")))));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder problem(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json").withBody(body);
    }

    private static com.github.tomakehurst.wiremock.matching.StringValuePattern matchingAnything() {
        return com.github.tomakehurst.wiremock.client.WireMock.matching(".+");
    }
}
