package org.crmsuite.console.reception;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.crmsuite.console.ConsoleTest;
import org.crmsuite.console.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The unit availability board and its deposit actions (SA-9), as each role may use them. */
class UnitBoardTest extends ConsoleTest {

    private static final RequestPostProcessor SALES1 = SignedIn.as("demo-sales-1", SalesDesk.DEPT, "SALES");
    private static final RequestPostProcessor SALES2 = SignedIn.as("demo-sales-2", SalesDesk.DEPT, "SALES");
    private static final RequestPostProcessor MANAGER = SignedIn.as("demo-manager-east", SalesDesk.DEPT, "MANAGER");
    private static final RequestPostProcessor FINANCE = SignedIn.as("demo-finance", "dept-company", "FINANCE");

    @BeforeEach
    void demoDesk() {
        SalesDesk.office(gateway);
        gateway.stubFor(get(urlPathEqualTo("/api/v1/units")).willReturn(okJson(SalesDesk.UNITS)));
        gateway.stubFor(get(urlPathEqualTo("/api/v1/units/" + SalesDesk.UNIT_AVAILABLE))
                .willReturn(okJson(SalesDesk.UNITS.substring(SalesDesk.UNITS.indexOf("},") + 2, SalesDesk.UNITS.length() - 1))));
        gateway.stubFor(get(urlPathEqualTo("/api/v1/deposits/" + SalesDesk.DEAL)).willReturn(okJson(SalesDesk.DEAL_JSON)));
    }

    @Test
    void theBoardShowsEveryUnitWithItsStatusAndTheRepsOwnDealActions() throws Exception {
        deals("[" + SalesDesk.DEAL_JSON + "]");

        Html board = board(SALES1);

        Html held = board.byId("unit-1-0101");
        assertThat(held.attr("data-status")).isEqualTo("SMALL_DEPOSIT");
        assertThat(held.text()).contains("Small deposit").contains("南京华远置业有限公司").contains("刘洋 Liu Yang");
        assertThat(actions(held)).containsExactly("stage", "cancel"); // their own deal: move on or cancel
        Html free = board.byId("unit-1-0102");
        assertThat(free.text()).contains("Available").contains("6180000 CNY");
        assertThat(actions(free)).containsExactly("place");
        assertThat(board.byId("units-summary").text()).contains("Available: 1").contains("Small deposit: 1");
        gateway.verify(getRequestedFor(urlPathEqualTo("/api/v1/units")).withQueryParam("projectId", equalTo("proj-east-bund"))
                .withHeader("Authorization", equalTo("Bearer token-demo-sales-1")));
        gateway.verify(getRequestedFor(urlPathEqualTo("/api/v1/deposits")).withQueryParam("officeId", equalTo("office-east-bund")));
    }

    @Test
    void anotherRepsDealOffersNoActionsAndFinanceOnlyRecordsMoney() throws Exception {
        deals("[]"); // a rep reads only their own deals
        assertThat(actions(board(SALES2).byId("unit-1-0101"))).isEmpty();

        deals("[" + SalesDesk.DEAL_JSON + "]");
        Html forFinance = board(FINANCE);
        // SA-9: money is recorded as received by finance, never by a rep; finance takes no deposit
        assertThat(actions(forFinance.byId("unit-1-0101"))).containsExactly("payment");
        assertThat(actions(forFinance.byId("unit-1-0102"))).isEmpty();

        Html forManager = board(MANAGER);
        assertThat(actions(forManager.byId("unit-1-0101"))).containsExactly("stage", "cancel");
        assertThat(actions(forManager.byId("unit-1-0102"))).containsExactly("place");
    }

    @Test
    void theDepositButtonOpensTheFormForThatUnit() throws Exception {
        deals("[" + SalesDesk.DEAL_JSON + "]");
        Html button = board(SALES1).byId("unit-1-0102").first("button", "data-action", "place");

        Html form = fragment(button.attr("hx-get"), SALES1);

        assertThat(form.byId("deposit-form-title").text()).isEqualTo("Place a deposit on unit 1-0102");
        assertThat(form.byId("deposit-form").first("input", "name", "unitId").attr("value")).isEqualTo(SalesDesk.UNIT_AVAILABLE);
        assertThat(form.byId("deposit-stage").all("option", "value", null)).extracting(o -> o.attr("value"))
                .containsExactly("SMALL_DEPOSIT", "LARGE_DEPOSIT");
        assertThat(form.byId("deposit-repId").exists()).isFalse(); // a rep's deposit is their own

        // SA-9 forward only: a small deposit moves on to a large one, a subscription or the contract
        Html stage = fragment(board(SALES1).byId("unit-1-0101").first("button", "data-action", "stage").attr("hx-get"), SALES1);
        assertThat(stage.byId("deposit-stage").all("option", "value", null)).extracting(o -> o.attr("value"))
                .containsExactly("LARGE_DEPOSIT", "SUBSCRIPTION", "CONTRACT");
        assertThat(stage.byId("deposit-deal").text()).contains("南京华远置业有限公司").contains("Small deposit");
    }

    @Test
    void placingADepositSendsTheDealAndRefreshesTheBoard() throws Exception {
        gateway.stubFor(post(urlPathEqualTo("/api/v1/deposits")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id":"64f0b0000000000000000002","unitId":"64f0a0000000000000000102","customerId":"demo-customer-01",
                         "buyerName":"上海宏达建设集团有限公司","repId":"demo-sales-1","stage":"SMALL_DEPOSIT","version":0}""")));

        String html = mvc.perform(place().param("customerId", "demo-customer-01").param("buyerName", "上海宏达建设集团有限公司")
                        .param("buyerPhone", "").param("stage", "SMALL_DEPOSIT").param("amount", "20,000.00")
                        .param("idempotencyKey", "dep-1").with(SALES1))
                .andExpect(status().isOk()).andExpect(header().string("HX-Trigger", "units-changed"))
                .andReturn().getResponse().getContentAsString();

        assertThat(Html.of(html).byId("deposit-done").text()).contains("Deposit placed on unit 1-0102: Small deposit.");
        gateway.verify(postRequestedFor(urlPathEqualTo("/api/v1/deposits"))
                .withHeader("Authorization", equalTo("Bearer token-demo-sales-1"))
                .withHeader("Idempotency-Key", equalTo("dep-1"))
                .withRequestBody(equalToJson("""
                        {"unitId":"64f0a0000000000000000102","customerId":"demo-customer-01",
                         "buyerName":"上海宏达建设集团有限公司","stage":"SMALL_DEPOSIT","amount":20000.00}""")));
    }

    @Test
    void aUnitTakenAMomentAgoIsShownOnTheFormAndTheBoardRefreshes() throws Exception {
        // SA-9: one atomic lock; the second rep hears who came first
        gateway.stubFor(post(urlPathEqualTo("/api/v1/deposits")).willReturn(SalesDesk.problem(409, "unit.not-available",
                "Unit 1-0102 is not available (SMALL_DEPOSIT)")));

        String html = mvc.perform(place().param("customerId", "demo-customer-02").param("buyerName", "Acme Trading Co., Ltd.")
                        .param("stage", "SMALL_DEPOSIT").param("amount", "10000").with(SALES1))
                .andExpect(status().isConflict()).andExpect(header().string("HX-Trigger", "units-changed"))
                .andReturn().getResponse().getContentAsString();

        Html panel = Html.of(html);
        assertThat(panel.first("p", "data-problem-code", "unit.not-available").text())
                .startsWith("This unit has just been reserved by another deposit.");
        assertThat(panel.text()).contains("Unit 1-0102 is not available (SMALL_DEPOSIT)");
        assertThat(panel.byId("deposit-customerId").attr("value")).isEqualTo("demo-customer-02");
        assertThat(panel.byId("deposit-amount").attr("value")).isEqualTo("10000");
    }

    @Test
    void aBlacklistedCustomerIsNamedNextToTheCustomerField() throws Exception {
        gateway.stubFor(post(urlPathEqualTo("/api/v1/deposits")).willReturn(SalesDesk.problem(409,
                "deposit.customer-blacklisted", "Customer demo-customer-13 is blacklisted for dept-east-sales")));

        String html = mvc.perform(place().param("customerId", "demo-customer-13").param("buyerName", "常州天和加盟连锁有限公司")
                        .param("stage", "SMALL_DEPOSIT").param("amount", "10000").with(SALES1))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();

        assertThat(Html.of(html).byId("error-customerId").text()).isEqualTo("Customer demo-customer-13 is blacklisted for dept-east-sales");
        assertThat(Html.of(html).byId("deposit-customerId").attr("aria-invalid")).isEqualTo("true");
    }

    @Test
    void customerServiceNotAnsweringKeepsTheDepositFormFilledIn() throws Exception {
        // SA-9: no answer on the customer's status → 503, nothing written
        gateway.stubFor(post(urlPathEqualTo("/api/v1/deposits")).willReturn(SalesDesk.problem(503,
                "sales.customer-status-unavailable", "customer-service did not answer; no deposit was taken")));

        String html = mvc.perform(place().param("customerId", "demo-customer-06").param("buyerName", "南京华远置业有限公司")
                        .param("stage", "LARGE_DEPOSIT").param("amount", "50000").with(SALES1))
                .andExpect(status().isServiceUnavailable()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("The customer check could not be made right now");
        assertThat(Html.of(html).byId("deposit-stage").first("option", "value", "LARGE_DEPOSIT").attr("selected")).isNotNull();
    }

    @Test
    void anAmountTheConsoleCannotReadNeverReachesTheService() throws Exception {
        String html = mvc.perform(place().param("customerId", "demo-customer-06").param("buyerName", "南京华远置业有限公司")
                        .param("stage", "SMALL_DEPOSIT").param("amount", "twenty thousand").with(SALES1))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();

        assertThat(Html.of(html).byId("error-amount").text()).isEqualTo("Write the amount as a number, e.g. 20000.00");
        gateway.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/deposits")));
    }

    @Test
    void theManagerNamesTheRepTheDepositCredits() throws Exception {
        gateway.stubFor(post(urlPathEqualTo("/api/v1/deposits")).willReturn(SalesDesk.problem(400, "deposit.rep-required",
                "Name the rep the deposit credits")));
        String html = mvc.perform(place().param("customerId", "demo-customer-06").param("buyerName", "南京华远置业有限公司")
                        .param("stage", "SMALL_DEPOSIT").param("amount", "20000").param("repId", "").with(MANAGER))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(Html.of(html).byId("error-repId").text()).isEqualTo("Name the rep the deposit credits");
        assertThat(Html.of(html).byId("deposit-reps").first("option", "value", "demo-sales-3").text()).isEqualTo("孙磊 Sun Lei");

        mvc.perform(place().param("customerId", "demo-customer-06").param("buyerName", "南京华远置业有限公司")
                .param("stage", "SMALL_DEPOSIT").param("amount", "20000").param("repId", "demo-sales-3").with(MANAGER));
        gateway.verify(postRequestedFor(urlPathEqualTo("/api/v1/deposits"))
                .withHeader("Authorization", equalTo("Bearer token-demo-manager-east"))
                .withRequestBody(matching(".*\"repId\":\"demo-sales-3\".*")));
    }

    @Test
    void cancellingADealReleasesTheUnitAndFinanceRecordsMoney() throws Exception {
        gateway.stubFor(post(urlPathEqualTo("/api/v1/deposits/" + SalesDesk.DEAL + "/cancellation"))
                .willReturn(okJson(SalesDesk.DEAL_JSON.replace("\"stage\":\"SMALL_DEPOSIT\",\n", "\"stage\":\"CANCELLED\",\n")
                        .replace("\"repId\":\"demo-sales-1\",\"stage\":\"SMALL_DEPOSIT\"", "\"repId\":\"demo-sales-1\",\"stage\":\"CANCELLED\""))));
        String html = mvc.perform(MockMvcRequestBuilders.post("/console/reception/deposits/{id}/cancellation", SalesDesk.DEAL)
                        .param("office", SalesDesk.OFFICE_ID).param("unitLabel", "1-0101")
                        .param("reason", "buyer changed their mind").header("HX-Request", "true").with(csrf()).with(SALES1))
                .andExpect(status().isOk()).andExpect(header().string("HX-Trigger", "units-changed"))
                .andReturn().getResponse().getContentAsString();
        assertThat(Html.of(html).byId("deposit-done").text()).contains("The deal on unit 1-0101 is cancelled");
        gateway.verify(postRequestedFor(urlPathEqualTo("/api/v1/deposits/" + SalesDesk.DEAL + "/cancellation"))
                .withRequestBody(equalToJson("{\"reason\":\"buyer changed their mind\"}")));

        gateway.stubFor(post(urlPathEqualTo("/api/v1/deposits/" + SalesDesk.DEAL + "/payments"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(SalesDesk.DEAL_JSON)));
        mvc.perform(MockMvcRequestBuilders.post("/console/reception/deposits/{id}/payments", SalesDesk.DEAL)
                        .param("office", SalesDesk.OFFICE_ID).param("stage", "SMALL_DEPOSIT").param("amount", "20000.00")
                        .param("reference", "POS-0002").header("HX-Request", "true").with(csrf()).with(FINANCE))
                .andExpect(status().isOk());
        gateway.verify(postRequestedFor(urlPathEqualTo("/api/v1/deposits/" + SalesDesk.DEAL + "/payments"))
                .withHeader("Authorization", equalTo("Bearer token-demo-finance"))
                .withRequestBody(equalToJson("{\"stage\":\"SMALL_DEPOSIT\",\"amount\":20000.00,\"reference\":\"POS-0002\"}")));
    }

    @Test
    void theInventoryDownShowsTheBoardAsUnavailable() throws Exception {
        gateway.stubFor(get(urlPathEqualTo("/api/v1/units")).willReturn(SalesDesk.problem(503, "gateway.unavailable",
                "sales-service is not available")));

        mvc.perform(MockMvcRequestBuilders.get("/console/reception/units").param("office", SalesDesk.OFFICE_ID)
                        .header("HX-Request", "true").with(SALES1))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("Temporarily unavailable")));
    }

    private void deals(String json) {
        gateway.stubFor(get(urlPathEqualTo("/api/v1/deposits")).willReturn(okJson(json)));
    }

    private Html board(RequestPostProcessor who) throws Exception {
        return fragment("/console/reception/units?office=" + SalesDesk.OFFICE_ID, who);
    }

    private Html fragment(String url, RequestPostProcessor who) throws Exception {
        return Html.of(mvc.perform(MockMvcRequestBuilders.get(url).header("HX-Request", "true").with(who))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static List<String> actions(Html row) {
        return row.all("button", "class", null).stream().filter(b -> b.attr("class").contains("deposit-action"))
                .map(b -> b.attr("data-action")).toList();
    }

    private static MockHttpServletRequestBuilder place() {
        return MockMvcRequestBuilders.post("/console/reception/deposits").param("office", SalesDesk.OFFICE_ID)
                .param("unitId", SalesDesk.UNIT_AVAILABLE).param("unitLabel", "1-0102").header("HX-Request", "true")
                .with(csrf());
    }
}
