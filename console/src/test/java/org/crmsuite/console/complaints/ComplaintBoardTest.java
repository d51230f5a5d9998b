package org.crmsuite.console.complaints;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.crmsuite.console.ConsoleTest;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.crmsuite.console.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The complaints board: my queue, my tier's queue (CU-9 order kept), live countdowns, who is offered what. */
class ComplaintBoardTest extends ConsoleTest {

    private static final RequestPostProcessor AGENT = SignedIn.as("demo-agent-1", ComplaintJson.DEPARTMENT, "AGENT");

    @Test
    void anAgentsBoardOffersFilingAndLoadsItsOwnQueueAndItsTiersQueue() throws Exception {
        mvc.perform(get("/console/complaints").with(AGENT))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"new-complaint\"")))
                .andExpect(content().string(containsString("href=\"/console/complaints/new\"")))
                .andExpect(content().string(containsString("id=\"my-queue\" hx-get=\"/console/complaints/queue/mine\"")))
                .andExpect(content().string(containsString("id=\"tier-queue\" hx-get=\"/console/complaints/queue/tier?page=0\"")))
                .andExpect(content().string(not(containsString("id=\"tier-choice\""))));
    }

    @Test
    void myQueueShowsTheCasesInTheOrderTheServiceGivesWithCountdownsToTheirNextDeadlines() throws Exception {
        // CU-9: the service orders by grade, then deadline; the board keeps that order (here: not by id or time)
        gateway.stubFor(WireMock.get(urlPathEqualTo("/api/v1/complaints/queue")).withQueryParam("handlerId", equalTo("demo-agent-1"))
                .willReturn(okJson(ComplaintJson.page(
                        ComplaintJson.queueItem("6750c0a1e4b0a1b2c3d4e5f9", "徐州众诚物流有限公司", "VIP", "ACCEPTED",
                                "RESOLVE", "2026-11-24T10:00:00Z", false),
                        ComplaintJson.queueItem("6750c0a1e4b0a1b2c3d4e501", "金华瑞丰医药有限公司", "QUALIFIED", "RECEIVED",
                                "ACKNOWLEDGE", "2026-11-23T02:00:00Z", true)))));

        String html = mvc.perform(get("/console/complaints/queue/mine").header("HX-Request", "true").with(AGENT))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        gateway.verify(getRequestedFor(urlPathEqualTo("/api/v1/complaints/queue"))
                .withHeader("Authorization", equalTo("Bearer token-demo-agent-1")));
        assertThat(html).contains("class=\"case-row\" data-case-id=\"6750c0a1e4b0a1b2c3d4e5f9\"",
                "href=\"/console/complaints/6750c0a1e4b0a1b2c3d4e5f9\"", "徐州众诚物流有限公司", "VIP", "Resolve",
                "data-deadline=\"2026-11-24T10:00:00Z\"", "data-label-overdue=\"overdue\"");
        assertThat(html.indexOf("6750c0a1e4b0a1b2c3d4e5f9")).isLessThan(html.indexOf("6750c0a1e4b0a1b2c3d4e501"));
        // CO-3: the breached acknowledgement is red from the start (console.js keeps it so as the clock runs)
        assertThat(html).contains("class=\"countdown breached\"");
        assertThat(html).containsOnlyOnce("breached\"");
    }

    @Test
    void theTierQueueIsThePersonsOwnTierUnlessTheyNameAnother() throws Exception {
        gateway.stubFor(WireMock.get(urlPathEqualTo("/api/v1/complaints/queue")).willReturn(okJson(ComplaintJson.page())));

        mvc.perform(get("/console/complaints/queue/tier").header("HX-Request", "true").with(AGENT))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No open cases.")));
        gateway.verify(getRequestedFor(urlPathEqualTo("/api/v1/complaints/queue")).withQueryParam("tier", absent())
                .withQueryParam("handlerId", absent()));
    }

    @Test
    void aManagerMayLookAtTheDirectorTiersQueue() throws Exception {
        // CO-4: the tiers follow the levels; a supervisor chooses which tier's queue to look at
        RequestPostProcessor manager = SignedIn.as("demo-manager-service", ComplaintJson.DEPARTMENT, "MANAGER");
        mvc.perform(get("/console/complaints").param("tier", "DIRECTOR").with(manager))
                .andExpect(content().string(containsString("id=\"tier-choice\"")))
                .andExpect(content().string(containsString("Queue of the director tier")))
                .andExpect(content().string(containsString("hx-get=\"/console/complaints/queue/tier?page=0&amp;tier=DIRECTOR\"")));

        gateway.stubFor(WireMock.get(urlPathEqualTo("/api/v1/complaints/queue")).willReturn(okJson(ComplaintJson.page(
                ComplaintJson.queueItem("6750c0a1e4b0a1b2c3d4e504", "12315 hotline referral", null, "RECEIVED",
                        "ACKNOWLEDGE", "2026-11-23T03:00:00Z", false)))));
        mvc.perform(get("/console/complaints/queue/tier").param("tier", "DIRECTOR").with(manager))
                .andExpect(content().string(containsString("data-case-id=\"6750c0a1e4b0a1b2c3d4e504\"")));
        gateway.verify(getRequestedFor(urlPathEqualTo("/api/v1/complaints/queue")).withQueryParam("tier", equalTo("DIRECTOR"))
                .withHeader("Authorization", equalTo("Bearer token-demo-manager-service")));
    }

    @Test
    void aQueueWhoseServiceIsDownIsMarkedUnavailableInsteadOfFailingThePage() throws Exception {
        gateway.stubFor(WireMock.get(urlPathEqualTo("/api/v1/complaints/queue")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"title\":\"Service Unavailable\",\"status\":503}")));

        MockHttpServletRequestBuilder part = get("/console/complaints/queue/mine").header("HX-Request", "true");
        mvc.perform(part.with(AGENT))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("class=\"unavailable\"")))
                .andExpect(content().string(not(containsString("case-row"))));
    }

    @Test
    void aDispatcherIsOfferedFilingAndWorkOrdersButNoQueues() throws Exception {
        mvc.perform(get("/console/complaints").with(SignedIn.as("demo-dispatcher", ComplaintJson.DEPARTMENT, "DISPATCHER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"new-complaint\"")))
                .andExpect(content().string(containsString("id=\"work-orders-link\"")))
                .andExpect(content().string(containsString("id=\"no-queues\"")))
                .andExpect(content().string(not(containsString("id=\"my-queue\""))))
                .andExpect(content().string(not(containsString("id=\"tier-queue\""))));
    }

    @Test
    void theBoardSpeaksChinese() throws Exception {
        mvc.perform(get("/console/complaints").param("lang", "zh-CN").with(AGENT))
                .andExpect(content().string(containsString("我的队列")))
                .andExpect(content().string(containsString("登记投诉")));
    }
}
