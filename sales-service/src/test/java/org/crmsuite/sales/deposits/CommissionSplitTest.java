package org.crmsuite.sales.deposits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.crmsuite.sales.support.Http;
import org.crmsuite.sales.support.SalesTestBase;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** SA-7 (and SA-6) commission splits computed on the contract from the customer's history, each with its rule. */
class CommissionSplitTest extends SalesTestBase {

    static final String A = "demo-sales-1";
    static final String B = "demo-sales-2";
    static final String C = "demo-sales-3";
    private int units;

    /** A deposit by {@code rep} for the buyer with {@code phone}, taken to the contract; the deposit's view. */
    private Http.Response contract(String phone, String rep) {
        String unit = unit(String.format("9%03d", ++units));
        Http.Response taken = api.post("/api/v1/deposits", sales(rep), deposit(unit, "ok-" + phone, phone));
        assertThat(taken.status()).as(taken.raw()).isEqualTo(201);
        Http.Response signed = api.post("/api/v1/deposits/" + taken.text("id") + "/stage", sales(rep),
                Map.of("stage", "CONTRACT", "amount", "5200000.00"));
        assertThat(signed.status()).as(signed.raw()).isEqualTo(200);
        return signed;
    }

    private static Map<String, Integer> shares(JsonNode commission) {
        Map<String, Integer> shares = new LinkedHashMap<>();
        commission.get("shares").forEach(s -> shares.put(s.get("staffId").asString(), s.get("percent").asInt()));
        return shares;
    }

    @Test
    void withNothingElseInTheHistoryAllGoesToTheCreditedRep() {
        rota(A, B, C);
        received(walkIn("甲", "13800000101", "NO"));
        JsonNode commission = contract("13800000101", A).body().get("commission");
        assertThat(commission.get("rule").asString()).isEqualTo("SA-9 credit");
        assertThat(shares(commission)).containsExactly(Map.entry(A, 100));
    }

    @Test
    void aConfirmedReferralSplits30ToTheReferrerAnd70ToTheReceivingRep_SA6() {
        rota(A, B, C);
        Http.Response referral = api.post("/api/v1/reception/offices/" + OFFICE + "/referrals",
                org.crmsuite.testsupport.TestTokens.bearer("demo-agent-1", "dept-customer-service", "AGENT"),
                Map.of("visitorName", "乙", "phone", "13800000102", "appointmentDate", TODAY.toString()));
        assertThat(referral.status()).as(referral.raw()).isEqualTo(201);
        Http.Response arrival = received(walkIn("乙", "13800000102", "NO"));
        assertThat(arrival.text("referralId")).isEqualTo(referral.text("id"));
        Http.Response signed = contract("13800000102", A);
        JsonNode commission = signed.body().get("commission");
        assertThat(commission.get("rule").asString()).isEqualTo("SA-6 referral");
        assertThat(shares(commission)).containsExactly(Map.entry("demo-agent-1", 30), Map.entry(A, 70));
        Document event = events("deposits", signed.text("id"), "crm.sales.commission-split.v1").get(0);
        assertThat(event.getString("routingKey")).isEqualTo("sales.contract.commission-split");
        Document data = event.get("data", Document.class);
        assertThat(data.getString("contractId")).isEqualTo(signed.text("contractId"));
        assertThat(data.getList("shares", Document.class)).extracting(d -> d.getString("staffId"), d -> d.getInteger("percent"),
                d -> d.getString("rule")).containsExactly(org.assertj.core.groups.Tuple.tuple("demo-agent-1", 30, "SA-6 referral"),
                        org.assertj.core.groups.Tuple.tuple(A, 70, "SA-6 referral"));
    }

    @Test
    void spousesReceivedSeparatelySplit5050OrFirstWinsByPolicy_SA7() {
        rota(A, B, C);
        Map<String, Object> husband = walkIn("丙先生", "13800000103", "NO");
        husband.put("spousePhone", "13800000104");
        received(husband);
        clock.advance(java.time.Duration.ofHours(1));
        assertThat(received(walkIn("丙太太", "13800000104", "NO")).text("repId")).isEqualTo(B);
        JsonNode split = contract("13800000103", A).body().get("commission");
        assertThat(split.get("rule").asString()).isEqualTo("SA-7 spouses");
        assertThat(shares(split)).containsExactly(Map.entry(A, 50), Map.entry(B, 50));

        Http.Response policy = api.get("/api/v1/reception/policy", admin());
        @SuppressWarnings("unchecked")
        Map<String, Object> firstWins = json.convertValue(policy.body().get("policy"), Map.class);
        firstWins.put("spouseRule", "FIRST_WINS");
        assertThat(api.put("/api/v1/reception/policy", sales(A), Map.of("policy", firstWins, "version", 0)).status())
                .isEqualTo(403);
        Http.Response changed = api.put("/api/v1/reception/policy", admin(), Map.of("policy", firstWins, "version", 0));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        JsonNode first = contract("13800000103", A).body().get("commission");
        assertThat(first.get("explanation").asString()).contains("FIRST_WINS");
        assertThat(shares(first)).containsExactly(Map.entry(A, 100));
    }

    @Test
    void aCustomerReassignedAfterAComplaintIsAllTheNewReps_SA7() {
        rota(A, B, C);
        String registration = received(walkIn("丁", "13800000105", "NO")).text("registrationId");
        Http.Response noReason = api.post("/api/v1/reception/registrations/" + registration + "/reassignments", manager(),
                Map.of("toRepId", B));
        assertThat(noReason.status()).isEqualTo(400);
        Http.Response moved = api.post("/api/v1/reception/registrations/" + registration + "/reassignments", manager(),
                Map.of("toRepId", B, "reason", "complaint about A's rudeness, upheld"));
        assertThat(moved.status()).as(moved.raw()).isEqualTo(201);
        assertThat(events("registrations", moved.text("id"), "crm.reception.customer-reassigned.v1")).hasSize(1);
        JsonNode commission = contract("13800000105", B).body().get("commission");
        assertThat(commission.get("rule").asString()).isEqualTo("SA-7 complaint");
        assertThat(shares(commission)).containsExactly(Map.entry(B, 100));
    }

    @Test
    void anApprovedSwitchToTheDesignatedRepSplits70To30_SA7() {
        rota(A, B, C);
        String reception = received(walkIn("戊", "13800000106", "NO")).text("receptionId");
        assertThat(api.post("/api/v1/reception/receptions/" + reception + "/switch", manager(),
                Map.of("toRepId", C, "reason", "named C on arrival but the desk missed it")).status()).isEqualTo(200);
        JsonNode commission = contract("13800000106", C).body().get("commission");
        assertThat(commission.get("rule").asString()).isEqualTo("SA-7 switch");
        assertThat(shares(commission)).containsExactly(Map.entry(A, 70), Map.entry(C, 30));
    }

    @Test
    void aCustomerRefusingTheirRegisteredRepSplits80ToTheNewAnd20ToTheOriginal_SA7() {
        visitedBefore(5, C, "己", "13800000107");
        rota(A, B, C);
        Map<String, Object> refusing = walkIn("己", "13800000107", "YES");
        refusing.put("refusesRegisteredRep", true);
        received(refusing);
        JsonNode commission = contract("13800000107", A).body().get("commission");
        assertThat(commission.get("rule").asString()).isEqualTo("SA-7 refusal");
        assertThat(shares(commission)).containsExactly(Map.entry(A, 80), Map.entry(C, 20));
    }

    @Test
    void theManagersWrittenDisputeDecisionSetsTheSplit_SA7() {
        rota(A, B, C);
        received(walkIn("庚", "13800000108", "NO"));
        Http.Response dispute = api.post("/api/v1/reception/offices/" + OFFICE + "/disputes", sales(B), Map.of(
                "visitorName", "庚", "phone", "13800000108", "claimants", List.of(A, B),
                "description", "B says the customer phoned B first and was told to come in"));
        assertThat(dispute.status()).as(dispute.raw()).isEqualTo(201);
        String decide = "/api/v1/reception/disputes/" + dispute.text("id") + "/decision";
        assertThat(api.post(decide, sales(A), Map.of("decision", "x")).status()).isEqualTo(403);
        assertThat(api.post(decide, manager(), Map.of("shares", List.of())).status()).isEqualTo(400);
        Http.Response decided = api.post(decide, manager(), Map.of("decision",
                "Calls never establish ownership, but B's preparation counts: 60/40",
                "shares", List.of(Map.of("staffId", A, "percent", 60), Map.of("staffId", B, "percent", 40))));
        assertThat(decided.status()).as(decided.raw()).isEqualTo(200);
        JsonNode commission = contract("13800000108", A).body().get("commission");
        assertThat(commission.get("rule").asString()).isEqualTo("SA-7 decision");
        assertThat(commission.get("explanation").asString()).contains("60/40");
        assertThat(shares(commission)).containsExactly(Map.entry(A, 60), Map.entry(B, 40));
    }

    @Test
    void aManagerOverridesTheSplitOnlyWithAReason_SA7() {
        rota(A, B, C);
        received(walkIn("辛", "13800000109", "NO"));
        String id = contract("13800000109", A).text("id");
        String path = "/api/v1/deposits/" + id + "/commission/override";
        List<Map<String, Object>> split = List.of(Map.of("staffId", A, "percent", 90), Map.of("staffId", B, "percent", 10));
        Http.Response noReason = api.post(path, manager(), Map.of("shares", split));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.raw()).contains("reason");
        assertThat(api.post(path, sales(A), Map.of("shares", split, "reason", "mine")).status()).isEqualTo(403);
        Http.Response notHundred = api.post(path, manager(), Map.of("shares", List.of(Map.of("staffId", A, "percent", 90)),
                "reason", "r"));
        assertThat(notHundred.status()).isEqualTo(400);
        Http.Response overridden = api.post(path, manager(), Map.of("shares", split, "reason", "B handled the financing"));
        assertThat(overridden.status()).as(overridden.raw()).isEqualTo(200);
        JsonNode commission = overridden.body().get("commission");
        assertThat(commission.get("overridden").asBoolean()).isTrue();
        assertThat(commission.get("overrideReason").asString()).isEqualTo("B handled the financing");
        assertThat(shares(commission)).containsExactly(Map.entry(A, 90), Map.entry(B, 10));
        assertThat(commission.get("computedShares").get(0).get("percent").asInt()).isEqualTo(100);
        assertThat(events("deposits", id, "crm.sales.commission-split.v1")).hasSize(2);
    }
}
