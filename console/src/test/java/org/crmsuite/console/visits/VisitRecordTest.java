package org.crmsuite.console.visits;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.crmsuite.console.ConsoleTest;
import org.crmsuite.console.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The visit record form (VI-3) with its scored report (VI-4): what it offers, the JSON it sends to
 * {@code POST /api/v1/visits}, where the service's refusals appear, and the recorded visit it shows.
 */
class VisitRecordTest extends ConsoleTest {

    static final RequestPostProcessor SALES1 = SignedIn.as("demo-sales-1", "dept-east-sales", "SALES");
    static final String PLAN = "demo-customer-01:regular:g1:2026-11-12";
    static final String KEY = "0b6f3f4e-2f5c-4d8e-9a51-6a3f4f1d2c7b";

    static final String SCALES = """
            {"productQuality": [{"label": "EXCELLENT", "name": "优秀 excellent", "score": 100},
                                {"label": "GOOD", "name": "好 good", "score": 85},
                                {"label": "POOR", "name": "差 poor", "score": 50}],
             "serviceAttitude": [{"label": "EXCELLENT", "name": "优秀 excellent", "score": 100},
                                 {"label": "POOR", "name": "差 poor", "score": 30},
                                 {"label": "TERRIBLE", "name": "极差 terrible", "score": 0}],
             "productReputation": [{"label": "EXCELLENT", "name": "优秀 excellent", "score": 100},
                                   {"label": "VERY_GOOD", "name": "很好 very good", "score": 90}]}
            """;

    @BeforeEach
    void choices() {
        gateway.stubFor(get(urlPathEqualTo("/api/v1/visits/scales")).willReturn(okJson(SCALES)));
        gateway.stubFor(get(urlPathEqualTo("/api/v1/visit-plans")).willReturn(okJson("""
                {"items": [{"id": "%s", "customerId": "demo-customer-01", "customerName": "上海宏达建设集团有限公司",
                            "kind": "CADENCE", "plannedAt": "2026-11-12T01:00:00Z", "dueBy": "2026-11-12T10:00:00Z",
                            "status": "PLANNED"}],
                 "page": 0, "size": 200, "totalItems": 1}
                """.formatted(PLAN))));
    }

    @Test
    void theFormOffersThePersonsOpenPlansAndTheRatingsOfTheServicesScales() throws Exception {
        // VI-4: the labels and their scores are the service's; service attitude alone goes down to "terrible" (0)
        String html = mvc.perform(MockMvcRequestBuilders.get("/console/visits/record").param("planId", PLAN).with(SALES1))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(html).contains("id=\"visit-record-form\"", "id=\"visit-record-submit\"",
                "name=\"report.productQuality\"", "name=\"report.serviceAttitude\"", "name=\"report.productReputation\"",
                "Poor (50)", "Terrible (0)", "Very good (90)");
        assertThat(html).containsPattern("<option value=\"" + Pattern.quote(PLAN) + "\" selected=\"selected\">上海宏达建设集团有限公司 · Regular visit · 2026-11-12</option>");
        // the plan names its customer, so the person need not type it
        assertThat(html).containsPattern("name=\"customerId\"[^>]*value=\"demo-customer-01\"");
        assertThat(hiddenKey(html)).matches("[0-9a-f-]{36}");
        gateway.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/api/v1/visit-plans"))
                .withQueryParam("ownerId", equalTo("demo-sales-1")).withQueryParam("status", equalTo("PLANNED"))
                .withHeader("Authorization", equalTo("Bearer token-demo-sales-1")));
    }

    @Test
    void recordingSendsTheVisitAsTheServiceTakesItAndShowsTheRecordedVisit() throws Exception {
        // VI-3 record with the VI-4 report; the typed local time is the business calendar's (Asia/Shanghai)
        gateway.stubFor(post(urlPathEqualTo("/api/v1/visits")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withHeader("Location", "/api/v1/visits/rec-42")
                .withBody("{\"id\": \"rec-42\", \"customerId\": \"demo-customer-01\"}")));
        gateway.stubFor(get(urlPathEqualTo("/api/v1/visits/rec-42")).willReturn(okJson("""
                {"id": "rec-42", "customerId": "demo-customer-01", "customerName": "上海宏达建设集团有限公司",
                 "ownerId": "demo-sales-1", "visitedBy": "demo-sales-1", "planId": "%s", "mode": "ON_SITE",
                 "visitedAt": "2026-11-20T06:30:00Z", "place": "客户办公室 customer's office",
                 "participants": ["demo-sales-1", "王经理"], "content": "Reviewed the November deliveries.",
                 "customerFeedback": "Wants earlier notice of price changes.", "problemsSolved": ["Delivery slot agreed"],
                 "nextSteps": ["Send the revised price list", "Call back on Friday"],
                 "report": {"productQualityLabel": "EXCELLENT", "productQuality": 100, "serviceAttitudeLabel": "EXCELLENT",
                            "serviceAttitude": 100, "productReputationLabel": "VERY_GOOD", "productReputation": 90,
                            "overall": 96.7},
                 "createdAt": "2026-11-20T07:00:00Z"}
                """.formatted(PLAN))));

        mvc.perform(filled().with(SALES1).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/console/visits/records/rec-42?recorded=true"));

        gateway.verify(postRequestedFor(urlPathEqualTo("/api/v1/visits"))
                .withHeader("Authorization", equalTo("Bearer token-demo-sales-1"))
                .withHeader("Idempotency-Key", equalTo(KEY))
                .withRequestBody(equalToJson("""
                        {"customerId": "demo-customer-01", "planId": "%s", "mode": "ON_SITE",
                         "visitedAt": "2026-11-20T06:30:00Z", "place": "客户办公室 customer's office",
                         "participants": ["demo-sales-1", "王经理"], "content": "Reviewed the November deliveries.",
                         "customerFeedback": "Wants earlier notice of price changes.",
                         "problemsSolved": ["Delivery slot agreed"],
                         "nextSteps": ["Send the revised price list", "Call back on Friday"],
                         "report": {"productQuality": "EXCELLENT", "serviceAttitude": "EXCELLENT",
                                    "productReputation": "VERY_GOOD"}}
                        """.formatted(PLAN))));

        String shown = mvc.perform(MockMvcRequestBuilders.get("/console/visits/records/rec-42").param("recorded", "true")
                        .with(SALES1))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(shown).containsPattern("class=\"notice visit-detail\" id=\"visit-recorded\"|id=\"visit-recorded\" class=\"notice visit-detail\"")
                .contains("Visit recorded", "上海宏达建设集团有限公司", "On site", "Call back on Friday", "Very good", "96.7");
    }

    @Test
    void theServicesFieldErrorsAppearNextToTheFieldsTheyNameAndWhatWasTypedStays() throws Exception {
        gateway.stubFor(post(urlPathEqualTo("/api/v1/visits")).willReturn(problem(400, """
                {"status": 400, "code": "report.unknown-label", "title": "Bad Request",
                 "detail": "Unknown scale labels: report.serviceAttitude",
                 "errors": [{"field": "report.serviceAttitude", "message": "unknown label 'SUPERB'; allowed: EXCELLENT, POOR, TERRIBLE"},
                            {"field": "visitedAt", "message": "must not be more than 1 day(s) in the future (VI-3: a record is filed after the visit)"}]}
                """)));

        String html = mvc.perform(filled("report.serviceAttitude", "SUPERB").with(SALES1).with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(html).contains("id=\"error-report.serviceAttitude\"", "unknown label &#39;SUPERB&#39;; allowed: EXCELLENT, POOR, TERRIBLE",
                "Unknown scale labels: report.serviceAttitude", "Reviewed the November deliveries.");
        // each message right under its own input
        assertThat(html.indexOf("id=\"error-visitedAt\"")).isBetween(html.indexOf("name=\"visitedAt\""), html.indexOf("name=\"place\""));
        assertThat(html.indexOf("id=\"error-report.serviceAttitude\""))
                .isBetween(html.indexOf("name=\"report.serviceAttitude\""), html.indexOf("name=\"report.productReputation\""));
        assertThat(html).containsPattern("id=\"error-visitedAt\"[^>]*>must not be more than 1 day\\(s\\) in the future");
        // the same key again: a second try cannot file twice
        assertThat(hiddenKey(html)).isEqualTo(KEY);
    }

    @Test
    void aPlanNoLongerOpenIsRefusedAtThePlanField() throws Exception {
        // VI-3: a record for a plan already completed or cancelled is 409 plan.closed, nothing is written
        gateway.stubFor(post(urlPathEqualTo("/api/v1/visits")).willReturn(problem(409, """
                {"status": 409, "code": "plan.closed", "title": "Conflict",
                 "detail": "Plan %s is COMPLETED; file the record without a plan or for an open plan", "status": "COMPLETED"}
                """.formatted(PLAN))));

        String html = mvc.perform(filled().with(SALES1).with(csrf()))
                .andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(html).containsPattern("id=\"error-planId\"[^>]*>Plan " + Pattern.quote(PLAN) + " is COMPLETED");
        assertThat(html.indexOf("id=\"error-planId\"")).isBetween(html.indexOf("name=\"planId\""), html.indexOf("name=\"customerId\""));
    }

    @Test
    void aVisitTimeTheConsoleCannotReadIsShownAtItsFieldWithoutCallingTheService() throws Exception {
        String html = mvc.perform(filled("visitedAt", "next Tuesday").with(SALES1).with(csrf()))
                .andExpect(status().is(422))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(html).containsPattern("id=\"error-visitedAt\"[^>]*>must be a date and time like 2026-11-20T14:30")
                .contains("value=\"next Tuesday\"");
        gateway.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/visits")));
    }

    @Test
    void aVisitForAChosenPlanIsFiledForThePlansCustomerWhenNoneWasTyped() throws Exception {
        // the plan id is a URI variable: its colons travel encoded, as any id does
        gateway.stubFor(get(urlPathEqualTo("/api/v1/visit-plans/" + PLAN.replace(":", "%3A"))).willReturn(okJson("""
                {"id": "%s", "customerId": "demo-customer-01", "status": "PLANNED"}
                """.formatted(PLAN))));
        gateway.stubFor(post(urlPathEqualTo("/api/v1/visits")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\": \"rec-43\"}")));

        mvc.perform(filled("customerId", "").with(SALES1).with(csrf()))
                .andExpect(status().isFound());

        gateway.verify(postRequestedFor(urlPathEqualTo("/api/v1/visits"))
                .withRequestBody(matchingJsonPath("$.customerId", equalTo("demo-customer-01")))
                .withRequestBody(matchingJsonPath("$.planId", equalTo(PLAN))));
    }

    @Test
    void whenVisitServiceIsDownTheFormKeepsWhatWasTypedToSendAgainSafely() throws Exception {
        gateway.stubFor(post(urlPathEqualTo("/api/v1/visits")).willReturn(aResponse().withStatus(503)));

        String html = mvc.perform(filled().with(SALES1).with(csrf()))
                .andExpect(status().isServiceUnavailable())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(html).contains("id=\"visit-record-unavailable\"", "class=\"unavailable\"",
                "Reviewed the November deliveries.", "id=\"visit-record-form\"");
        assertThat(hiddenKey(html)).isEqualTo(KEY);
    }

    /**
     * The form as a person fills it in for the overdue visit of demo-customer-01 (demo data, owner demo-sales-1),
     * with some fields typed otherwise ({@code "field", "value", …}).
     */
    private static MockHttpServletRequestBuilder filled(String... changes) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("idempotencyKey", KEY);
        fields.put("planId", PLAN);
        fields.put("customerId", "demo-customer-01");
        fields.put("mode", "ON_SITE");
        fields.put("visitedAt", "2026-11-20T14:30");
        fields.put("place", "客户办公室 customer's office");
        fields.put("participants", "demo-sales-1\r\n王经理\r\n");
        fields.put("content", "Reviewed the November deliveries.");
        fields.put("customerFeedback", "Wants earlier notice of price changes.");
        fields.put("problemsSolved", "Delivery slot agreed");
        fields.put("nextSteps", "Send the revised price list\n\nCall back on Friday");
        fields.put("report.productQuality", "EXCELLENT");
        fields.put("report.serviceAttitude", "EXCELLENT");
        fields.put("report.productReputation", "VERY_GOOD");
        for (int i = 0; i + 1 < changes.length; i += 2) {
            fields.put(changes[i], changes[i + 1]);
        }
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post("/console/visits/record");
        fields.forEach((name, value) -> request.param(name, value));
        return request;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder problem(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json").withBody(body);
    }

    private static String hiddenKey(String html) {
        Matcher key = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"").matcher(html);
        assertThat(key.find()).as("the form carries its Idempotency-Key").isTrue();
        return key.group(1);
    }
}
