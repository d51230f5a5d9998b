package org.crmsuite.console.reception;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.crmsuite.console.ConsoleTest;
import org.crmsuite.console.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The walk-in form: who receives the visitor and the rule behind it, in the person's language (SA-1 … SA-7). */
class WalkInTest extends ConsoleTest {

    private static final String WALK_INS = "/api/v1/reception/offices/office-east-bund/walk-ins";

    @BeforeEach
    void demoDesk() {
        SalesDesk.office(gateway);
    }

    @Test
    void aVisitorRegisteredWithinValidityGoesToTheirRepAndTheDeskSaysWhy() throws Exception {
        // SA-3: 王先生 is registered to demo-sales-2 (the demo seed): that rep, not a turn
        decides("""
                {"receptionId":"6561f0aa0000000000000004","officeId":"office-east-bund","repId":"demo-sales-2",
                 "creditedRepId":"demo-sales-2","rule":"SA-3","reason":"SA-3: registered to demo-sales-2 on 2026-11-22, valid until 2026-12-22 (registration 6561f0aa0000000000000001); goes to that rep, not counted as a turn; demo: came back",
                 "countedAsTurn":false,"reliedOnRegistrationId":"6561f0aa0000000000000001",
                 "registrationId":"6561f0aa0000000000000005","referralId":null,"standbyRepId":"demo-sales-1",
                 "visitorName":"王先生 Mr Wang","at":"2026-11-22T02:00:00Z"}""");

        String html = send(walkIn().param("visitorName", "王先生 Mr Wang").param("phone", "13800001111")
                        .param("visitedBefore", "YES").param("designatedRepId", "").param("spousePhone", "")
                        .param("note", "").param("idempotencyKey", "key-wang-1"), "demo-sales-1")
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", "rota-changed"))
                .andReturn().getResponse().getContentAsString();

        Html result = Html.of(html).byId("walk-in-result");
        assertThat(result.attr("data-rep")).isEqualTo("demo-sales-2");
        assertThat(result.byId("walk-in-assignee").text()).isEqualTo("赵敏 Zhao Min");
        assertThat(result.byId("walk-in-assignee-id").text()).isEqualTo("(demo-sales-2)");
        assertThat(result.byId("walk-in-rule").text()).isEqualTo("SA-3");
        assertThat(result.byId("walk-in-rule-text").text()).isEqualTo(
                "Registered to 赵敏 Zhao Min within the validity window (SA-3): the visitor goes to that rep, not counted as a turn.");
        assertThat(result.text()).contains("not counted as a turn").contains("now standing by: 刘洋 Liu Yang")
                .contains("registered to demo-sales-2 on 2026-11-22");
        // a fresh, empty form for the next visitor, with a new key
        Html form = Html.of(html).byId("walk-in-form");
        assertThat(form.first("input", "name", "visitorName").attr("value")).isNullOrEmpty();
        assertThat(form.first("input", "name", "idempotencyKey").attr("value")).isNotBlank().isNotEqualTo("key-wang-1");

        // the JSON the desk takes: blank inputs left out; the form's key, so a double submit is one turn
        gateway.verify(postRequestedFor(urlPathEqualTo(WALK_INS))
                .withHeader("Authorization", equalTo("Bearer token-demo-sales-1"))
                .withHeader("Idempotency-Key", equalTo("key-wang-1"))
                .withRequestBody(equalToJson("""
                        {"visitorName":"王先生 Mr Wang","phone":"13800001111","visitedBefore":"YES"}""")));
    }

    @Test
    void theRegisteredRepAwaySendsTheVisitorToTheCourtesyReceiver() throws Exception {
        // SA-3: demo-sales-2 absent → the last rep who took a turn receives as a courtesy; the customer stays 2's
        decides("""
                {"receptionId":"r9","officeId":"office-east-bund","repId":"demo-sales-3","creditedRepId":"demo-sales-2",
                 "rule":"SA-3","reason":"SA-3: registered to demo-sales-2 …; demo-sales-2 is not on duty, so demo-sales-3 (last rep in the rota) receives as a courtesy, not counted as a turn; the customer stays demo-sales-2's",
                 "countedAsTurn":false,"reliedOnRegistrationId":"g1","registrationId":"g9","referralId":null,
                 "standbyRepId":"demo-sales-1","visitorName":"王先生 Mr Wang","at":"2026-11-22T03:00:00Z"}""");

        String html = send(walkIn().param("visitorName", "王先生 Mr Wang").param("phone", "13800001111")
                .param("visitedBefore", "YES").param("idempotencyKey", "k2"), "demo-sales-3")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        Html result = Html.of(html).byId("walk-in-result");
        assertThat(result.byId("walk-in-assignee").text()).isEqualTo("孙磊 Sun Lei");
        assertThat(result.byId("walk-in-rule-text").text()).isEqualTo("Registered to 赵敏 Zhao Min, who is not on duty: "
                + "孙磊 Sun Lei receives as a courtesy (SA-3), not counted as a turn; the customer stays with 赵敏 Zhao Min.");
        assertThat(result.text()).contains("credited to 赵敏 Zhao Min");
    }

    @Test
    void aNewVisitorTakesTheNextTurnOfTheRotaExplainedInChinese() throws Exception {
        // SA-1 (with SA-2: an absent rep due was passed over and loses the turn)
        decides("""
                {"receptionId":"r10","officeId":"office-east-bund","repId":"demo-sales-3","creditedRepId":"demo-sales-3",
                 "rule":"SA-1","reason":"SA-3: new customer; SA-1: next in the rota; SA-2: passed demo-sales-2 (absent without reason: turn lost)",
                 "countedAsTurn":true,"reliedOnRegistrationId":null,"registrationId":"g10","referralId":null,
                 "standbyRepId":"demo-sales-1","visitorName":"钱女士","at":"2026-11-22T04:00:00Z"}""");

        String html = send(walkIn().param("visitorName", "钱女士").param("phone", "13911112222").param("visitedBefore", "NO")
                .param("idempotencyKey", "k3").header("Accept-Language", "zh-CN"), "demo-sales-1")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        Html result = Html.of(html).byId("walk-in-result");
        assertThat(result.byId("walk-in-rule-text").text()).isEqualTo("孙磊 Sun Lei 是轮值表上的下一位（SA-1）。");
        assertThat(result.text()).contains("计入轮次").contains("轮到但不在岗的销售被跳过（SA-2）");
    }

    @Test
    void theDesksFieldErrorsAppearNextToTheirFieldsAndTheFormKeepsWhatWasTyped() throws Exception {
        gateway.stubFor(post(urlPathEqualTo(WALK_INS)).willReturn(SalesDesk.problem(400, "request.invalid",
                "The request has invalid fields: phone",
                "[{\"field\":\"phone\",\"message\":\"must match \\\"[+0-9 ()-]{5,20}\\\"\"}]")));

        String html = send(walkIn().param("visitorName", "钱女士").param("phone", "call me").param("visitedBefore", "NO")
                .param("idempotencyKey", "k4"), "demo-sales-1")
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        Html page = Html.of(html);
        assertThat(page.byId("error-phone").text()).startsWith("must match");
        assertThat(page.first("input", "name", "phone").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.first("input", "name", "visitorName").attr("value")).isEqualTo("钱女士");
        assertThat(page.first("option", "value", "NO").attr("selected")).isNotNull();
        // the same key again: correcting and resending is still one reception
        assertThat(page.first("input", "name", "idempotencyKey").attr("value")).isEqualTo("k4");
        assertThat(page.byId("walk-in-result").exists()).isFalse();
    }

    @Test
    void withoutARotaTheDeskExplainsWhyNobodyWasAssigned() throws Exception {
        gateway.stubFor(post(urlPathEqualTo(WALK_INS)).willReturn(SalesDesk.problem(409, "rota.not-set",
                "No rota is set for office-east-bund today (2026-11-22); the manager sets it first")));

        String html = send(walkIn().param("visitorName", "钱女士").param("visitedBefore", "NO"), "demo-sales-1")
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();

        assertThat(Html.of(html).first("p", "data-problem-code", "rota.not-set").text())
                .isEqualTo("No rota is set for today: the manager sets it first.");
        assertThat(html).contains("the manager sets it first").contains("id=\"walk-in-form\"");
    }

    @Test
    void aBusyDeskKeepsTheVisitorInTheForm() throws Exception {
        // 503 rota.busy: nothing was decided; the receptionist sends again
        gateway.stubFor(post(urlPathEqualTo(WALK_INS)).willReturn(SalesDesk.problem(503, "rota.busy",
                "The rota stayed contended; try again")));

        String html = send(walkIn().param("visitorName", "钱女士").param("visitedBefore", "NO").param("idempotencyKey", "k6"),
                "demo-sales-1").andExpect(status().isServiceUnavailable()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("The desk was busy with other walk-ins");
        assertThat(Html.of(html).first("input", "name", "visitorName").attr("value")).isEqualTo("钱女士");
    }

    @Test
    void anAnswerTheFormDoesNotOfferNeverReachesTheDesk() throws Exception {
        String html = send(walkIn().param("visitorName", "钱女士").param("visitedBefore", "MAYBE"), "demo-sales-1")
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();

        assertThat(Html.of(html).byId("error-visitedBefore").text()).isEqualTo("Choose one of the answers offered.");
        gateway.verify(0, postRequestedFor(urlPathEqualTo(WALK_INS)));
    }

    @Test
    void aNamedRepAndARefusalAreSentAsTheDeskNamesThem() throws Exception {
        // SA-5 designated rep, SA-7 refusal of the registered rep, SA-7 spouses
        decides("""
                {"receptionId":"r11","officeId":"office-east-bund","repId":"demo-sales-1","creditedRepId":"demo-sales-1",
                 "rule":"SA-5","reason":"SA-7: visitor refused demo-sales-2, registered …; received as new; SA-5: named demo-sales-1 before reception: goes to that rep, not counted as a turn",
                 "countedAsTurn":false,"reliedOnRegistrationId":"g1","registrationId":"g11","referralId":null,
                 "standbyRepId":"demo-sales-3","visitorName":"王先生 Mr Wang","at":"2026-11-22T05:00:00Z"}""");

        String html = send(walkIn().param("visitorName", "王先生 Mr Wang").param("phone", "13800001111")
                .param("visitedBefore", "YES").param("designatedRepId", "demo-sales-1")
                .param("refusesRegisteredRep", "true").param("spousePhone", "13800002222").param("note", "wants a new rep")
                .param("idempotencyKey", "k7"), "demo-sales-1")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        Html result = Html.of(html).byId("walk-in-result");
        assertThat(result.byId("walk-in-rule-text").text()).isEqualTo(
                "A new visitor who asked for 刘洋 Liu Yang before the reception (SA-5): goes to that rep, not counted as a turn.");
        assertThat(result.text()).contains("refused the rep they are registered to (registration g1)").contains("80 %");
        gateway.verify(postRequestedFor(urlPathEqualTo(WALK_INS)).withRequestBody(equalToJson("""
                {"visitorName":"王先生 Mr Wang","phone":"13800001111","visitedBefore":"YES","designatedRepId":"demo-sales-1",
                 "refusesRegisteredRep":true,"spousePhone":"13800002222","note":"wants a new rep"}""")));
    }

    private void decides(String decision) {
        gateway.stubFor(post(urlPathEqualTo(WALK_INS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(decision)));
    }

    private static MockHttpServletRequestBuilder walkIn() {
        return MockMvcRequestBuilders.post("/console/reception/walk-ins").param("office", SalesDesk.OFFICE_ID)
                .header("HX-Request", "true").with(csrf());
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String rep) throws Exception {
        return mvc.perform(request.with(SignedIn.as(rep, SalesDesk.DEPT, "SALES")));
    }
}
