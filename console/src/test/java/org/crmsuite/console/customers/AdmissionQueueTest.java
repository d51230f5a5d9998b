package org.crmsuite.console.customers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.crmsuite.console.customers.DemoCustomers.APPLICATION_AT_FINANCE;
import static org.crmsuite.console.customers.DemoCustomers.EAST_SALES;
import static org.crmsuite.console.customers.DemoCustomers.PENDING_APPLICATION;
import static org.crmsuite.console.customers.DemoCustomers.page;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.crmsuite.console.ConsoleTest;
import org.crmsuite.console.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.github.tomakehurst.wiremock.client.WireMock;

/** The admission review queue (CU-5): who sees which step, the decision sent, the service's refusal at the fields. */
class AdmissionQueueTest extends ConsoleTest {

    private static final RequestPostProcessor SALES1 = SignedIn.as("demo-sales-1", EAST_SALES, "SALES");
    private static final RequestPostProcessor FINANCE = SignedIn.as("demo-finance", "dept-company", "FINANCE");
    private static final String DECISIONS = "/api/v1/admissions/demo-admission-1/decisions";

    @Test
    void aSalesRepSeesTheApplicationsAtTheSalesStepWithTheDecisionForm() throws Exception {
        // CU-5: the sales step is decided by a sales rep of the application's department
        gateway.stubFor(WireMock.get(urlPathEqualTo("/api/v1/admissions")).willReturn(okJson(page(0, 20, 1, PENDING_APPLICATION))));

        mvc.perform(get("/console/customers/admissions").with(SALES1))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"admission-queue\""),
                        containsString("id=\"admission-demo-admission-1\""), containsString("上海新锐科技有限公司"),
                        containsString("91310000MA1FL0DEMO"), containsString("Business licence"),
                        containsString("Waiting for sales"), containsString("id=\"decision-demo-admission-1\""),
                        containsString("hx-post=\"/console/customers/admissions/demo-admission-1/decisions\""))));
        gateway.verify(getRequestedFor(urlPathEqualTo("/api/v1/admissions")).withQueryParam("status", equalTo("PENDING_SALES"))
                .withHeader("Authorization", equalTo("Bearer token-demo-sales-1")));
    }

    @Test
    void financeLooksAtItsOwnStepAndGetsNoFormForAnotherRolesStep() throws Exception {
        gateway.stubFor(WireMock.get(urlPathEqualTo("/api/v1/admissions")).withQueryParam("status", equalTo("PENDING_FINANCE"))
                .willReturn(okJson(page(0, 20, 1, APPLICATION_AT_FINANCE))));
        gateway.stubFor(WireMock.get(urlPathEqualTo("/api/v1/admissions")).withQueryParam("status", equalTo("PENDING_SALES"))
                .willReturn(okJson(page(0, 20, 1, PENDING_APPLICATION))));

        mvc.perform(get("/console/customers/admissions").with(FINANCE))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"decision-demo-admission-1\""),
                        containsString("Your decision (finance step)"), containsString("Documents complete"))));
        mvc.perform(get("/console/customers/admissions").param("status", "PENDING_SALES").with(FINANCE))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Awaits the sales step."),
                        not(containsString("id=\"decision-demo-admission-1\"")))));
    }

    @Test
    void aDecisionSendsTheChoiceAndReasonAndTheCardShowsTheApplicationAsItNowStands() throws Exception {
        gateway.stubFor(WireMock.post(DECISIONS).willReturn(okJson(APPLICATION_AT_FINANCE)));

        mvc.perform(post("/console/customers/admissions/demo-admission-1/decisions").header("HX-Request", "true")
                        .param("decision", "APPROVE").param("reason", "Documents complete, long-standing prospect")
                        .param("step", "SALES").param("status", "PENDING_SALES").with(SALES1).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"admission-demo-admission-1\""),
                        containsString("Decision recorded for 上海新锐科技有限公司."), containsString("Waiting for finance"),
                        containsString("Awaits the finance step."), not(containsString("<html")))));
        gateway.verify(postRequestedFor(urlPathEqualTo(DECISIONS))
                .withHeader("Authorization", equalTo("Bearer token-demo-sales-1"))
                .withRequestBody(equalToJson("{\"decision\":\"APPROVE\",\"reason\":\"Documents complete, long-standing prospect\"}")));
    }

    @Test
    void theServicesFieldErrorIsShownNextToTheReasonKeepingWhatWasChosen() throws Exception {
        gateway.stubFor(WireMock.post(DECISIONS).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"status":400,"code":"request.invalid","title":"Bad Request","detail":"The request is invalid",
                         "errors":[{"field":"reason","message":"must not be blank"}]}""")));

        mvc.perform(post("/console/customers/admissions/demo-admission-1/decisions").header("HX-Request", "true")
                        .param("decision", "REJECT").param("reason", " ").param("step", "SALES").with(SALES1).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("HX-Retarget", "#decision-demo-admission-1"))
                .andExpect(content().string(allOf(containsString("id=\"error-reason\""), containsString("must not be blank"),
                        containsString("value=\"REJECT\" checked"), containsString("id=\"decision-demo-admission-1\""))));
    }

    @Test
    void aRefusalForTheWrongRoleIsShownAboveTheForm() throws Exception {
        // CU-5: each step by its role only; the service names the step and the role it expects
        gateway.stubFor(WireMock.post(DECISIONS).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"status":403,"code":"access.denied","title":"Forbidden",
                         "detail":"The FINANCE step is decided by role FINANCE (CU-5)","pendingStep":"FINANCE","expectedRole":"FINANCE"}""")));

        mvc.perform(post("/console/customers/admissions/demo-admission-1/decisions").header("HX-Request", "true")
                        .param("decision", "APPROVE").param("reason", "ok").with(SALES1).with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("The FINANCE step is decided by role FINANCE (CU-5)")));
    }

    @Test
    void noDecisionChosenIsMarkedWithoutAskingTheService() throws Exception {
        mvc.perform(post("/console/customers/admissions/demo-admission-1/decisions").header("HX-Request", "true")
                        .param("reason", "Looks fine").param("step", "SALES").with(SALES1).with(csrf()))
                .andExpect(status().is(422))
                .andExpect(content().string(allOf(containsString("id=\"error-decision\""),
                        containsString("choose approve or reject"), containsString("Looks fine"))));
        gateway.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void withoutHtmxADecisionReturnsToTheQueueAndAFailureShowsTheQueueWithTheMessage() throws Exception {
        gateway.stubFor(WireMock.post(DECISIONS).willReturn(okJson(APPLICATION_AT_FINANCE)));
        mvc.perform(post("/console/customers/admissions/demo-admission-1/decisions").param("decision", "APPROVE")
                        .param("reason", "ok").param("status", "PENDING_SALES").with(SALES1).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/console/customers/admissions?status=PENDING_SALES"))
                .andExpect(flash().attribute("decidedName", "上海新锐科技有限公司"));

        gateway.stubFor(WireMock.post(DECISIONS).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"status":409,"code":"admission.already-decided","title":"Conflict",
                         "detail":"The application was decided already: REJECTED"}""")));
        gateway.stubFor(WireMock.get(urlPathEqualTo("/api/v1/admissions")).willReturn(okJson(page(0, 20, 1, PENDING_APPLICATION))));
        mvc.perform(post("/console/customers/admissions/demo-admission-1/decisions").param("decision", "APPROVE")
                        .param("reason", "ok").param("status", "PENDING_SALES").with(SALES1).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("id=\"admission-queue\""),
                        containsString("The application was decided already: REJECTED"))));
    }

    @Test
    void aStatusTheQueueDoesNotOfferIsMarkedWithoutAskingTheService() throws Exception {
        mvc.perform(get("/console/customers/admissions").param("status", "EVERYTHING").with(SALES1))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("id=\"error-status\"")));
        gateway.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theQueueReadsInChinese() throws Exception {
        gateway.stubFor(WireMock.get(urlPathEqualTo("/api/v1/admissions")).willReturn(okJson(page(0, 20, 1, PENDING_APPLICATION))));
        mvc.perform(get("/console/customers/admissions").param("lang", "zh-CN").with(SALES1))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("准入审核"), containsString("待销售审核"),
                        containsString("营业执照"), containsString("提交审核意见"))));
    }
}
