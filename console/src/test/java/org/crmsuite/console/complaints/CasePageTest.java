package org.crmsuite.console.complaints;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
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

import java.util.Arrays;

import org.crmsuite.console.ConsoleTest;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.crmsuite.console.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import jakarta.servlet.http.Cookie;

/** One case: record, deadlines, timeline, and acknowledging, escalating and closing with the customer's rating. */
class CasePageTest extends ConsoleTest {

    private static final RequestPostProcessor AGENT = SignedIn.as("demo-agent-1", ComplaintJson.DEPARTMENT, "AGENT");
    private static final RequestPostProcessor MANAGER = SignedIn.as("demo-manager-service", ComplaintJson.DEPARTMENT, "MANAGER");
    private static final String CASE = "/api/v1/complaints/" + ComplaintJson.CASE_ID;
    private static final String PAGE = "/console/complaints/" + ComplaintJson.CASE_ID;

    @Test
    void theCasePageShowsTheRecordItsDeadlinesAndTheHandlingTimeline() throws Exception {
        stubCase(ComplaintJson.complaint("ACKNOWLEDGED", "L1", "AGENT", "ACCEPTED", "ESCALATED"));

        String html = mvc.perform(get(PAGE).with(AGENT)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        gateway.verify(WireMock.getRequestedFor(urlEqualTo(CASE))
                .withHeader("Authorization", equalTo("Bearer token-demo-agent-1")));
        assertThat(html).contains("id=\"case-title\">Complaint " + ComplaintJson.CASE_ID + "<",
                "id=\"case-status\"", "data-state=\"ACKNOWLEDGED\"", "徐州众诚物流有限公司", "Ms. Chen",
                "The second delivery arrived three days late.", "Steel pipe DN50");
        // CO-3, CO-5: the acknowledgement was met on time, the resolve deadline runs with business time left
        assertThat(html).contains("met on time", "data-deadline=\"2026-11-24T10:00:00Z\"",
                "7 h 30 min of business time left");
        // CO-8: every step with who, when and the note
        assertThat(html).contains("id=\"timeline\"", "data-action=\"RECEIVED\"", "called back, customer calmed",
                "by demo-agent-1");
        // offered after allowedTransitions: accept and escalate, not acknowledge or close
        assertThat(html).contains("id=\"escalate-form\"", "id=\"escalate-submit\"", "id=\"transition-form\"",
                "<option value=\"ACCEPTED\">Accepted</option>", "id=\"take-form\"");
        assertThat(html).doesNotContain("id=\"close-form\"", "id=\"acknowledge-form\"");
    }

    @Test
    void acknowledgingMovesTheCaseOnWithTheVersionTheAgentSaw() throws Exception {
        // CO-3: the customer was contacted
        gateway.stubFor(WireMock.post(urlEqualTo(CASE + "/transitions"))
                .willReturn(okJson(ComplaintJson.complaint("ACKNOWLEDGED", "L1", "AGENT", "ACCEPTED", "ESCALATED"))));

        mvc.perform(post(PAGE + "/transition").param("to", "ACKNOWLEDGED").param("version", "3").with(AGENT).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl(PAGE))
                .andExpect(flash().attribute("outcome", hasEntry("action", "acknowledge")));

        gateway.verify(postRequestedFor(urlEqualTo(CASE + "/transitions")).withHeader("If-Match", equalTo("\"3\""))
                .withHeader("Authorization", equalTo("Bearer token-demo-agent-1"))
                .withRequestBody(equalToJson("{\"to\":\"ACKNOWLEDGED\"}")));
    }

    @Test
    void anAgentsEscalationSendsTheReasonAndThenSaysWhichTierHasTheCaseNow() throws Exception {
        // CO-4: L1 -> L2, handled by the manager tier; the agent no longer sees the case
        gateway.stubFor(WireMock.post(urlEqualTo(CASE + "/transitions"))
                .willReturn(okJson(ComplaintJson.complaint("ESCALATED", "L2", "MANAGER", "ACCEPTED", "INVESTIGATING"))));
        gateway.stubFor(WireMock.get(urlEqualTo(CASE)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody(ComplaintJson.problem(404, "complaint.not-found", "No complaint " + ComplaintJson.CASE_ID))));

        MvcResult escalated = mvc.perform(post(PAGE + "/escalate").param("note", "Customer threatens to go to the press")
                        .param("version", "3").with(AGENT).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl(PAGE))
                .andExpect(flash().attribute("outcome", allOf(hasEntry("action", "escalated"), hasEntry("level", "L2"),
                        hasEntry("handlerTier", "MANAGER"))))
                .andReturn();
        gateway.verify(postRequestedFor(urlEqualTo(CASE + "/transitions"))
                .withRequestBody(equalToJson("{\"to\":\"ESCALATED\",\"note\":\"Customer threatens to go to the press\"}")));

        afterRedirect(escalated, AGENT)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-state=\"ESCALATED\"")))
                .andExpect(content().string(containsString("Escalated to L2: the case is now with the manager tier")))
                .andExpect(content().string(containsString("id=\"case-moved\"")));
    }

    @Test
    void anEscalationWithoutReasonShowsTheServicesRefusalAtTheEscalateForm() throws Exception {
        stubCase(ComplaintJson.complaint("RECEIVED", "L1", "AGENT", "ACKNOWLEDGED", "ESCALATED"));
        gateway.stubFor(WireMock.post(urlEqualTo(CASE + "/transitions")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody(ComplaintJson.problem(400, "complaint.note-required", "An escalation needs a note"))));

        String html = mvc.perform(post(PAGE + "/escalate").param("note", "").param("version", "3").with(AGENT).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(html).containsOnlyOnce("An escalation needs a note");
        assertThat(html.indexOf("An escalation needs a note")).isGreaterThan(html.indexOf("id=\"escalate-form\""))
                .isLessThan(html.indexOf("id=\"escalate-submit\""));
    }

    @Test
    void aDissatisfiedRatingEscalatesInsteadOfClosingAndThePageSaysSo() throws Exception {
        // CO-7: 4-5 escalate automatically to the next level with a new handling record
        String escalated = ComplaintJson.complaint("ESCALATED", "L2", "MANAGER", "ACCEPTED", "INVESTIGATING");
        gateway.stubFor(WireMock.post(urlEqualTo(CASE + "/transitions")).willReturn(okJson(escalated)));
        stubCase(escalated);

        MvcResult rated = mvc.perform(post(PAGE + "/close").param("rating", "4").param("note", "not happy with the discount")
                        .param("version", "3").with(MANAGER).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("outcome", allOf(hasEntry("action", "closed"), hasEntry("rating", "4"),
                        hasEntry("state", "ESCALATED"), hasEntry("level", "L2"))))
                .andReturn();
        gateway.verify(postRequestedFor(urlEqualTo(CASE + "/transitions"))
                .withRequestBody(equalToJson("{\"to\":\"CLOSED\",\"rating\":4,\"note\":\"not happy with the discount\"}")));

        afterRedirect(rated, MANAGER)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "The customer rated 4 (dissatisfied): the case was not closed but escalated automatically to L2")))
                .andExpect(content().string(containsString("data-state=\"ESCALATED\"")));
    }

    @Test
    void aSatisfiedRatingClosesTheCase() throws Exception {
        // CO-7: 1-3 close
        String closed = ComplaintJson.complaint("CLOSED", "L1", "AGENT", "REOPENED");
        gateway.stubFor(WireMock.post(urlEqualTo(CASE + "/transitions")).willReturn(okJson(closed)));
        stubCase(closed);

        MvcResult rated = mvc.perform(post(PAGE + "/close").param("rating", "2").param("version", "3").with(AGENT).with(csrf()))
                .andExpect(flash().attribute("outcome", allOf(hasEntry("state", "CLOSED"), hasEntry("rating", "2"))))
                .andReturn();

        String html = afterRedirect(rated, AGENT).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Closed with rating 2 (satisfied).", "data-state=\"CLOSED\"");
        // a closed case is not escalated or closed again, and an agent does not reopen (a manager's step)
        assertThat(html).doesNotContain("id=\"escalate-form\"", "id=\"close-form\"", "value=\"REOPENED\"");
    }

    @Test
    void closingWithoutARatingShowsTheServicesRuleAtTheCloseForm() throws Exception {
        // CO-7: no closing without a rating or "customer unreachable"
        stubCase(ComplaintJson.complaint("REPLIED", "L1", "AGENT", "REVISIT", "CLOSED", "ESCALATED"));
        gateway.stubFor(WireMock.post(urlEqualTo(CASE + "/transitions")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json")
                .withBody(ComplaintJson.problem(409, "complaint.rating-required",
                        "A case closes only with the customer's rating (1-5) or customerUnreachable=true (CO-7)"))));

        String html = mvc.perform(post(PAGE + "/close").param("version", "3").with(AGENT).with(csrf()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"close-form\"", "id=\"close-submit\"");
        assertThat(html.indexOf("closes only with the customer")).isGreaterThan(html.indexOf("id=\"close-form\""))
                .isLessThan(html.indexOf("id=\"close-submit\""));
        gateway.verify(postRequestedFor(urlEqualTo(CASE + "/transitions")).withRequestBody(equalToJson("{\"to\":\"CLOSED\"}")));
    }

    @Test
    void aRatingTheConsoleCannotReadIsMarkedWithoutAskingTheService() throws Exception {
        stubCase(ComplaintJson.complaint("REPLIED", "L1", "AGENT", "REVISIT", "CLOSED", "ESCALATED"));

        mvc.perform(post(PAGE + "/close").param("rating", "four").param("version", "3").with(AGENT).with(csrf()))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("id=\"error-rating\">Choose a rating from 1 to 5<")));
        gateway.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void aCaseChangedMeanwhileIsShownAsItIsNowWithTheServicesWord() throws Exception {
        stubCase(ComplaintJson.complaint("ACCEPTED", "L1", "AGENT", "INVESTIGATING", "ESCALATED"));
        gateway.stubFor(WireMock.post(urlEqualTo(CASE + "/transitions")).willReturn(aResponse().withStatus(412)
                .withHeader("Content-Type", "application/problem+json")
                .withBody(ComplaintJson.problem(412, "concurrency.precondition-failed",
                        "The case changed since you read it (version 3, now 4)"))));

        mvc.perform(post(PAGE + "/escalate").param("note", "angry").param("version", "2").with(AGENT).with(csrf()))
                .andExpect(status().isPreconditionFailed())
                .andExpect(content().string(containsString("The case changed since you read it")))
                .andExpect(content().string(containsString("data-state=\"ACCEPTED\"")));
        gateway.verify(postRequestedFor(urlEqualTo(CASE + "/transitions")).withHeader("If-Match", equalTo("\"2\"")));
    }

    @Test
    void anAgentTakesAnUnassignedCaseForItself() throws Exception {
        gateway.stubFor(WireMock.post(urlEqualTo(CASE + "/assignment"))
                .willReturn(okJson(ComplaintJson.complaint("RECEIVED", "L1", "AGENT", "ACKNOWLEDGED", "ESCALATED"))));

        mvc.perform(post(PAGE + "/take").param("version", "3").with(AGENT).with(csrf()))
                .andExpect(status().isFound()).andExpect(flash().attribute("outcome", hasEntry("action", "taken")));
        gateway.verify(postRequestedFor(urlEqualTo(CASE + "/assignment"))
                .withRequestBody(equalToJson("{\"handlerId\":\"demo-agent-1\"}")));
    }

    @Test
    void aDispatcherWhoFiledACaseItMayNotReadSeesWhatIntakeAnswered() throws Exception {
        RequestPostProcessor dispatcher = SignedIn.as("demo-dispatcher", ComplaintJson.DEPARTMENT, "DISPATCHER");
        gateway.stubFor(WireMock.post(urlEqualTo("/api/v1/complaints")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"%s\",\"state\":\"RECEIVED\",\"level\":\"L1\",\"handlerTier\":\"AGENT\"}"
                        .formatted(ComplaintJson.CASE_ID))));
        gateway.stubFor(WireMock.get(urlEqualTo(CASE)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json")
                .withBody(ComplaintJson.problem(403, "access.denied", "Your role does not see complaints"))));

        MvcResult filed = mvc.perform(post("/console/complaints").param("channel", "IN_PERSON").param("category", "DELIVERY")
                        .param("customerId", "demo-customer-22").param("content", "Driver left the site gate open")
                        .with(dispatcher).with(csrf()))
                .andExpect(redirectedUrl(PAGE)).andReturn();

        afterRedirect(filed, dispatcher)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Complaint filed: Received, level L1, handled by the agent tier.")))
                .andExpect(content().string(containsString("id=\"case-status\"")));
    }

    @Test
    void withoutAJustMadeChangeAnUnreadableCaseIsTheServicesRefusal() throws Exception {
        gateway.stubFor(WireMock.get(urlEqualTo(CASE)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody(ComplaintJson.problem(404, "complaint.not-found", "No complaint " + ComplaintJson.CASE_ID))));

        mvc.perform(get(PAGE).with(AGENT))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("complaint.not-found")))
                .andExpect(content().string(not(containsString("id=\"case-moved\""))));
    }

    @Test
    void theCasePageSaysComplaintServiceIsDownInsteadOfFailing() throws Exception {
        gateway.stubFor(WireMock.get(urlEqualTo(CASE)).willReturn(aResponse().withStatus(503)));

        mvc.perform(get(PAGE).with(AGENT))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("class=\"unavailable\"")));
    }

    /** The page the change redirected to, in the same (real, MongoDB-stored) session: the flash travels in it. */
    private ResultActions afterRedirect(MvcResult changed, RequestPostProcessor person) throws Exception {
        Cookie session = Arrays.stream(changed.getRequest().getCookies())
                .filter(cookie -> cookie.getName().equals("CRM_CONSOLE_SESSION")).findFirst().orElseThrow();
        return mvc.perform(get(changed.getResponse().getRedirectedUrl()).cookie(session).with(person));
    }

    private static void stubCase(String json) {
        gateway.stubFor(WireMock.get(urlEqualTo(CASE)).willReturn(okJson(json).withHeader("ETag", "\"3\"")));
    }
}
