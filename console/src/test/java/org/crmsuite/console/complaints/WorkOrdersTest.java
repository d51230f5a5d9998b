package org.crmsuite.console.complaints;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.crmsuite.console.ConsoleTest;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.crmsuite.console.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Work orders (CO-10): the dispatcher's list and end-of-day review, issuing, and each party's next step. */
class WorkOrdersTest extends ConsoleTest {

    private static final RequestPostProcessor DISPATCHER = SignedIn.as("demo-dispatcher", ComplaintJson.DEPARTMENT, "DISPATCHER");
    private static final RequestPostProcessor ASSIGNEE = SignedIn.as("demo-agent-2", ComplaintJson.DEPARTMENT, "AGENT");
    private static final String ORDER = "/api/v1/work-orders/" + ComplaintJson.ORDER_ID;
    private static final String PAGE = "/console/complaints/work-orders/" + ComplaintJson.ORDER_ID;

    @Test
    void aDispatcherSeesTheDepartmentsOrdersWithCountdownsToTheirReplyByTime() throws Exception {
        mvc.perform(get("/console/complaints/work-orders").with(DISPATCHER))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"work-orders\" hx-get=\"/console/complaints/work-orders/list?view=all&amp;state=\"")))
                .andExpect(content().string(containsString("id=\"work-order-form\"")))
                .andExpect(content().string(containsString("value=\"unfinished\"")));

        gateway.stubFor(WireMock.get(urlPathEqualTo("/api/v1/work-orders"))
                .willReturn(okJson("[" + ComplaintJson.workOrder("ISSUED", "demo-agent-2") + "]")));
        String html = mvc.perform(get("/console/complaints/work-orders/list").header("HX-Request", "true").with(DISPATCHER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        gateway.verify(getRequestedFor(urlPathEqualTo("/api/v1/work-orders"))
                .withHeader("Authorization", equalTo("Bearer token-demo-dispatcher")));
        assertThat(html).contains("class=\"work-order-row\"", "href=\"" + PAGE + "\"",
                "Check the delivered batch with the customer", "demo-agent-2", "data-deadline=\"2026-11-25T10:00:00Z\"");
    }

    @Test
    void theEndOfDayReviewAsksForTheUnfinishedOrders() throws Exception {
        // CO-10: at the end of the day the dispatcher reviews the unfinished orders
        gateway.stubFor(WireMock.get(urlEqualTo("/api/v1/work-orders/unfinished"))
                .willReturn(okJson("[" + ComplaintJson.workOrder("ACKNOWLEDGED", "demo-agent-2") + "]")));

        mvc.perform(get("/console/complaints/work-orders/list").param("view", "unfinished").with(DISPATCHER))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-work-order-id=\"" + ComplaintJson.ORDER_ID + "\"")));
        gateway.verify(getRequestedFor(urlEqualTo("/api/v1/work-orders/unfinished")));
    }

    @Test
    void anAgentIsOfferedNeitherIssuingNorTheEndOfDayReview() throws Exception {
        mvc.perform(get("/console/complaints/work-orders").with(ASSIGNEE))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"work-order-form\""))))
                .andExpect(content().string(not(containsString("value=\"unfinished\""))));
    }

    @Test
    void aDispatcherIssuesAnOrderWithTheReplyByTimeReadInTheBusinessCalendarsZone() throws Exception {
        gateway.stubFor(WireMock.post(urlEqualTo("/api/v1/work-orders")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(ComplaintJson.workOrder("ISSUED", "demo-agent-2"))));

        mvc.perform(post("/console/complaints/work-orders").param("assigneeId", "demo-agent-2")
                        .param("location", "Site B, 88 Jiangning Road").param("task", "Check the delivered batch")
                        .param("requirements", "").param("replyBy", "2026-11-25T18:00")
                        .param("complaintId", ComplaintJson.CASE_ID).with(DISPATCHER).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl(PAGE))
                .andExpect(flash().attribute("outcome", hasEntry("action", "issued")));

        // Asia/Shanghai is UTC+8: 18:00 there is 10:00Z
        gateway.verify(postRequestedFor(urlEqualTo("/api/v1/work-orders"))
                .withHeader("Authorization", equalTo("Bearer token-demo-dispatcher"))
                .withRequestBody(equalToJson("""
                        {"assigneeId":"demo-agent-2","location":"Site B, 88 Jiangning Road","task":"Check the delivered batch",
                         "replyBy":"2026-11-25T10:00:00Z","complaintId":"%s"}
                        """.formatted(ComplaintJson.CASE_ID))));
    }

    @Test
    void theServicesRefusalOfAPastReplyByIsShownAtThatField() throws Exception {
        gateway.stubFor(WireMock.post(urlEqualTo("/api/v1/work-orders")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody(ComplaintJson.problem(400, "request.invalid", "replyBy must be in the future",
                        "replyBy", "must be in the future"))));

        mvc.perform(post("/console/complaints/work-orders").param("assigneeId", "demo-agent-2").param("location", "Site B")
                        .param("task", "Check").param("replyBy", "2020-01-01T09:00").with(DISPATCHER).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"error-replyBy\">must be in the future<")))
                .andExpect(content().string(containsString("value=\"2020-01-01T09:00\"")));
    }

    @Test
    void aReplyByTheConsoleCannotReadIsMarkedWithoutAskingTheService() throws Exception {
        mvc.perform(post("/console/complaints/work-orders").param("assigneeId", "demo-agent-2").param("location", "Site B")
                        .param("task", "Check").param("replyBy", "tomorrow noon").with(DISPATCHER).with(csrf()))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("id=\"error-replyBy\">Enter a date and time<")));
        gateway.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void theAssigneeIsOfferedAcknowledgingAnIssuedOrderAndTheDispatcherIsNot() throws Exception {
        gateway.stubFor(WireMock.get(urlEqualTo(ORDER)).willReturn(okJson(ComplaintJson.workOrder("ISSUED", "demo-agent-2"))));

        mvc.perform(get(PAGE).with(ASSIGNEE))
                .andExpect(content().string(containsString("id=\"wo-acknowledge-submit\"")))
                .andExpect(content().string(containsString("id=\"wo-escalate-form\"")));
        mvc.perform(get(PAGE).with(DISPATCHER))
                .andExpect(content().string(not(containsString("id=\"wo-acknowledge-submit\""))))
                .andExpect(content().string(containsString("Nothing for you to do on this order now.")));

        gateway.stubFor(WireMock.post(urlEqualTo(ORDER + "/acknowledgement"))
                .willReturn(okJson(ComplaintJson.workOrder("ACKNOWLEDGED", "demo-agent-2"))));
        mvc.perform(post(PAGE + "/acknowledgement").with(ASSIGNEE).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl(PAGE));
        gateway.verify(postRequestedFor(urlEqualTo(ORDER + "/acknowledgement"))
                .withHeader("Authorization", equalTo("Bearer token-demo-agent-2")));
    }

    @Test
    void theAssigneeCompletesWithProcessAndResult() throws Exception {
        gateway.stubFor(WireMock.post(urlEqualTo(ORDER + "/completion"))
                .willReturn(okJson(ComplaintJson.workOrder("COMPLETED", "demo-agent-2"))));

        mvc.perform(post(PAGE + "/completion").param("process", "Checked 40 bundles with the site manager")
                        .param("result", "2 bundles short; replacement ordered").with(ASSIGNEE).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("outcome", hasEntry("action", "completion")));
        gateway.verify(postRequestedFor(urlEqualTo(ORDER + "/completion")).withRequestBody(equalToJson(
                "{\"process\":\"Checked 40 bundles with the site manager\",\"result\":\"2 bundles short; replacement ordered\"}")));
    }

    @Test
    void anOrderIsHandedUpNeverRefusedAndTheServicesObjectionShowsAtThatForm() throws Exception {
        // CO-10: no refusal, only escalation to a superior (not to oneself)
        gateway.stubFor(WireMock.get(urlEqualTo(ORDER)).willReturn(okJson(ComplaintJson.workOrder("ACKNOWLEDGED", "demo-agent-2"))));
        gateway.stubFor(WireMock.post(urlEqualTo(ORDER + "/escalation")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody(ComplaintJson.problem(400, "work-order.escalation-to-self", "Escalate to a superior, not to yourself"))));

        String html = mvc.perform(post(PAGE + "/escalation").param("superiorId", "demo-agent-2").param("reason", "no van")
                        .with(ASSIGNEE).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(html.indexOf("Escalate to a superior, not to yourself")).isGreaterThan(html.indexOf("id=\"wo-escalate-form\""))
                .isLessThan(html.indexOf("id=\"wo-escalate-submit\""));
        assertThat(html).contains("value=\"demo-agent-2\"", "id=\"wo-complete-form\"");
    }

    @Test
    void onlyTheDispatcherIsOfferedTheCallBackAfterTheSignOff() throws Exception {
        gateway.stubFor(WireMock.get(urlEqualTo(ORDER)).willReturn(okJson(ComplaintJson.workOrder("SIGNED_OFF", "demo-agent-2"))));

        mvc.perform(get(PAGE).with(DISPATCHER)).andExpect(content().string(containsString("id=\"wo-call-back-form\"")));
        mvc.perform(get(PAGE).with(ASSIGNEE)).andExpect(content().string(not(containsString("id=\"wo-call-back-form\""))));

        gateway.stubFor(WireMock.post(urlEqualTo(ORDER + "/call-back"))
                .willReturn(okJson(ComplaintJson.workOrder("CALLED_BACK", "demo-agent-2"))));
        mvc.perform(post(PAGE + "/call-back").param("note", "Customer confirms the replacement arrived")
                        .param("satisfied", "true").with(DISPATCHER).with(csrf()))
                .andExpect(status().isFound());
        gateway.verify(postRequestedFor(urlEqualTo(ORDER + "/call-back")).withRequestBody(equalToJson(
                "{\"note\":\"Customer confirms the replacement arrived\",\"satisfied\":true}")));
    }
}
