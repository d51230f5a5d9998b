package org.crmsuite.sales.deposits;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.crmsuite.sales.support.Http;
import org.crmsuite.sales.support.SalesTestBase;
import org.junit.jupiter.api.Test;

/** SA-9: units and deposits — the atomic lock, the customer check (fail closed), stages, changes and finance's receipts. */
class DepositTest extends SalesTestBase {

    static final String REP = "demo-sales-1";

    private Http.Response take(Map<String, Object> body) {
        return api.post("/api/v1/deposits", sales(REP), body);
    }

    private Http.Response unitView(String id) {
        return api.get("/api/v1/units/" + id, sales(REP));
    }

    @Test
    void aDepositForAnAllowedCustomerLocksTheUnitAndIsPublished_SA9() {
        String unit = unit("0101");
        Http.Response taken = take(deposit(unit, "ok-1", "13800000001"));
        assertThat(taken.status()).as(taken.raw()).isEqualTo(201);
        assertThat(taken.text("repId")).isEqualTo(REP);
        assertThat(taken.text("stage")).isEqualTo("SMALL_DEPOSIT");
        assertThat(unitView(unit).text("status")).isEqualTo("SMALL_DEPOSIT");
        assertThat(unitView(unit).text("depositId")).isEqualTo(taken.text("id"));
        Document event = events("deposits", taken.text("id"), "crm.sales.deposit-taken.v1").get(0);
        assertThat(event.getString("routingKey")).isEqualTo("sales.deposit.taken");
        Document data = event.get("data", Document.class);
        assertThat(data.getString("unitId")).isEqualTo(unit);
        assertThat(data.getString("customerId")).isEqualTo("ok-1");
        assertThat(data.getString("repId")).isEqualTo(REP);
        assertThat(data.getString("amount")).isEqualTo("20000.00");
        assertThat(data.getString("currency")).isEqualTo("CNY");
        // customer-service was asked, for this office's department, with this service's token
        OTHERS.verify(getRequestedFor(urlPathEqualTo("/api/v1/customers/ok-1/business-status"))
                .withQueryParam("department", equalTo(EAST)).withHeader("Authorization", equalTo("Bearer sales-service-token")));
    }

    @Test
    void aRetriedDepositWithTheSameIdempotencyKeyGetsTheFirstOneBack_SA9() {
        String unit = unit("0103");
        Http.Response first = api.post("/api/v1/deposits", sales(REP), deposit(unit, "ok-1", null), "pos-9");
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        Http.Response retry = api.post("/api/v1/deposits", sales(REP), deposit(unit, "ok-1", null), "pos-9");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text("id")).isEqualTo(first.text("id"));
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "deposits")).isEqualTo(1);
    }

    @Test
    void aDepositOnAUnitThatIsNotAvailableIsRefused_SA9() {
        String unit = unit("0102");
        assertThat(take(deposit(unit, "ok-1", null)).status()).isEqualTo(201);
        Http.Response second = api.post("/api/v1/deposits", sales("demo-sales-2"), deposit(unit, "ok-2", null));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.code()).isEqualTo("unit.not-available");
        assertThat(second.contentType()).startsWith("application/problem+json");
    }

    @Test
    void fiftyConcurrentDepositsOnOneUnitLetExactlyOneSucceed_SA9() throws Exception {
        String unit = unit("0201");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Http.Response>> attempts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String rep = "demo-sales-" + (i % 3 + 1);
            Map<String, Object> body = deposit(unit, "ok-" + i, null);
            attempts.add(pool.submit(() -> {
                start.await();
                return api.post("/api/v1/deposits", sales(rep), body);
            }));
        }
        start.countDown();
        int won = 0;
        int refused = 0;
        for (Future<Http.Response> attempt : attempts) {
            Http.Response r = attempt.get(60, TimeUnit.SECONDS);
            if (r.status() == 201) {
                won++;
            } else {
                assertThat(r.status()).as(r.raw()).isEqualTo(409);
                assertThat(r.code()).isEqualTo("unit.not-available");
                refused++;
            }
        }
        pool.shutdown();
        assertThat(won).isEqualTo(1);
        assertThat(refused).isEqualTo(49);
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "deposits")).isEqualTo(1);
        String holder = mongo.findAll(Document.class, "deposits").get(0).get("_id").toString();
        assertThat(unitView(unit).text("depositId")).isEqualTo(holder);
    }

    @Test
    void noDepositForABlacklistedOrSuspendedCustomer_SA9() {
        String unit = unit("0301");
        Http.Response black = take(deposit(unit, "black-1", null));
        assertThat(black.status()).isEqualTo(409);
        assertThat(black.code()).isEqualTo("deposit.customer-blacklisted");
        assertThat(black.text("reason")).isEqualTo("blacklisted");
        Http.Response suspended = take(deposit(unit, "susp-1", null));
        assertThat(suspended.status()).isEqualTo(409);
        assertThat(suspended.code()).isEqualTo("deposit.customer-suspended");
        Http.Response unknown = take(deposit(unit, "missing-1", null));
        assertThat(unknown.status()).as(unknown.raw()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("deposit.customer-not-found");
        assertThat(unitView(unit).text("status")).isEqualTo("AVAILABLE");
    }

    @Test
    void whenCustomerServiceFailsTheDepositIsRefusedNotTakenUnchecked_SA9() {
        OTHERS.stubFor(get(urlPathMatching("/api/v1/customers/down-.*/business-status"))
                .willReturn(aResponse().withStatus(500).withBody("boom")));
        String unit = unit("0302");
        Http.Response refused = take(deposit(unit, "down-1", null));
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.code()).isEqualTo("sales.customer-status-unavailable");
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(unitView(unit).text("status")).isEqualTo("AVAILABLE");
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "deposits")).isZero();
    }

    @Test
    void whenCustomerServiceIsTooSlowTheDepositIsRefused_SA9() {
        OTHERS.stubFor(get(urlPathMatching("/api/v1/customers/slow-.*/business-status")).willReturn(aResponse()
                .withFixedDelay(6000).withHeader("Content-Type", "application/json").withBody("{\"allowed\":true}")));
        String unit = unit("0303");
        long started = System.nanoTime();
        Http.Response refused = take(deposit(unit, "slow-1", null));
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.code()).isEqualTo("sales.customer-status-unavailable");
        assertThat((System.nanoTime() - started) / 1_000_000).as("answers before customer-service would").isLessThan(6000);
        assertThat(unitView(unit).text("status")).isEqualTo("AVAILABLE");
    }

    @Test
    void cancellationReleasesTheUnitAtOnce_SA9() {
        String unit = unit("0401");
        String id = take(deposit(unit, "ok-1", null)).text("id");
        Http.Response noReason = api.post("/api/v1/deposits/" + id + "/cancellation", sales(REP), Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        Http.Response cancelled = api.post("/api/v1/deposits/" + id + "/cancellation", sales(REP),
                Map.of("reason", "buyer changed their mind"));
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        assertThat(cancelled.text("stage")).isEqualTo("CANCELLED");
        assertThat(unitView(unit).text("status")).isEqualTo("AVAILABLE");
        assertThat(events("units", unit, "crm.sales.unit-released.v1")).hasSize(1);
        assertThat(events("deposits", id, "crm.sales.deposit-cancelled.v1")).hasSize(1);
        assertThat(api.post("/api/v1/deposits", sales("demo-sales-2"), deposit(unit, "ok-2", null)).status()).isEqualTo(201);
    }

    @Test
    void aChangeOfUnitOrBuyerIsRecordedAndKeepsTheOriginalRepsCredit_SA9() {
        String first = unit("0501");
        String second = unit("0502");
        String id = take(deposit(first, "ok-1", "13800000001")).text("id");
        Http.Response moved = api.post("/api/v1/deposits/" + id + "/unit-change", manager(),
                Map.of("unitId", second, "reason", "buyer prefers a higher floor"));
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        assertThat(moved.text("unitId")).isEqualTo(second);
        assertThat(moved.text("repId")).isEqualTo(REP);
        assertThat(unitView(first).text("status")).isEqualTo("AVAILABLE");
        assertThat(unitView(second).text("depositId")).isEqualTo(id);
        Http.Response rebought = api.post("/api/v1/deposits/" + id + "/buyer-change", sales(REP),
                Map.of("customerId", "ok-7", "buyerName", "Buyer's spouse", "reason", "contract in the spouse's name"));
        assertThat(rebought.status()).as(rebought.raw()).isEqualTo(200);
        assertThat(rebought.text("customerId")).isEqualTo("ok-7");
        assertThat(rebought.text("repId")).isEqualTo(REP);
        assertThat(rebought.body().get("changes").size()).isEqualTo(2);
        assertThat(api.post("/api/v1/deposits/" + id + "/buyer-change", sales(REP), Map.of("customerId", "black-9",
                "buyerName", "x", "reason", "y")).code()).isEqualTo("deposit.customer-blacklisted");
    }

    @Test
    void moneyIsRecordedAsReceivedByFinanceOnly_SA9() {
        String id = take(deposit(unit("0601"), "ok-1", null)).text("id");
        Map<String, Object> receipt = Map.of("stage", "SMALL_DEPOSIT", "amount", "20000.00", "reference", "POS-1");
        Http.Response byRep = api.post("/api/v1/deposits/" + id + "/payments", sales(REP), receipt);
        assertThat(byRep.status()).isEqualTo(403);
        assertThat(api.post("/api/v1/deposits/" + id + "/payments", manager(), receipt).status()).isEqualTo(403);
        Http.Response byFinance = api.post("/api/v1/deposits/" + id + "/payments", finance(), receipt);
        assertThat(byFinance.status()).as(byFinance.raw()).isEqualTo(201);
        assertThat(byFinance.body().get("payments").get(0).get("receivedBy").asString()).isEqualTo("demo-finance");
        assertThat(events("deposits", id, "crm.sales.payment-received.v1")).hasSize(1);
    }

    @Test
    void aDealMovesForwardToTheContractAndNeverBack_SA9() {
        String unit = unit("0701");
        String id = take(deposit(unit, "ok-1", null)).text("id");
        assertThat(api.post("/api/v1/deposits/" + id + "/stage", sales(REP), Map.of("stage", "LARGE_DEPOSIT",
                "amount", "100000.00")).status()).isEqualTo(200);
        assertThat(unitView(unit).text("status")).isEqualTo("LARGE_DEPOSIT");
        Http.Response back = api.post("/api/v1/deposits/" + id + "/stage", sales(REP), Map.of("stage", "SMALL_DEPOSIT",
                "amount", "1.00"));
        assertThat(back.status()).isEqualTo(409);
        assertThat(back.code()).isEqualTo("deposit.stage-backwards");
        assertThat(api.post("/api/v1/deposits/" + id + "/stage", sales(REP), Map.of("stage", "SUBSCRIPTION",
                "amount", "200000.00")).status()).isEqualTo(200);
        Http.Response contract = api.post("/api/v1/deposits/" + id + "/stage", sales(REP), Map.of("stage", "CONTRACT",
                "amount", "5200000.00"));
        assertThat(contract.status()).as(contract.raw()).isEqualTo(200);
        assertThat(unitView(unit).text("status")).isEqualTo("CONTRACTED");
        assertThat(events("deposits", id, "crm.sales.contract-signed.v1")).hasSize(1);
        assertThat(api.post("/api/v1/deposits/" + id + "/cancellation", sales(REP), Map.of("reason", "x")).code())
                .isEqualTo("deposit.contracted");
    }

    @Test
    void onlyTheDepartmentsRepsAndManagerTakeDepositsAndBadInputIsNamed_SA9() {
        String unit = unit("0801");
        assertThat(api.post("/api/v1/deposits", agent(), deposit(unit, "ok-1", null)).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/deposits", otherManager(), deposit(unit, "ok-1", null)).status()).isEqualTo(403);
        Map<String, Object> negative = deposit(unit, "ok-1", null);
        negative.put("amount", "-5");
        Http.Response bad = take(negative);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.raw()).contains("amount");
        Http.Response noUnit = take(deposit("no-such-unit", "ok-1", null));
        assertThat(noUnit.status()).isEqualTo(404);
        assertThat(unitView(unit).text("status")).isEqualTo("AVAILABLE");
    }
}
