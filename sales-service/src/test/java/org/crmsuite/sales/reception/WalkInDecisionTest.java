package org.crmsuite.sales.reception;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.crmsuite.sales.support.Http;
import org.crmsuite.sales.support.SalesTestBase;
import org.junit.jupiter.api.Test;

/** The walk-in decision table (SA-1, SA-3, SA-5, SA-7 refusal): who receives, whether it is a turn, and why. */
class WalkInDecisionTest extends SalesTestBase {

    static final String A = "demo-sales-1";
    static final String B = "demo-sales-2";
    static final String C = "demo-sales-3";

    @Test
    void newVisitorGoesToTheNextRepInTheRotaAndTheAssignmentIsPublished_SA1() {
        rota(A, B, C);
        Http.Response first = received(walkIn("张三", "13800000001", "NO"));
        assertThat(first.text("repId")).isEqualTo(A);
        assertThat(first.text("rule")).isEqualTo("SA-1");
        assertThat(first.body().get("countedAsTurn").asBoolean()).isTrue();
        assertThat(first.text("reason")).contains("SA-1").contains("new customer");
        assertThat(first.text("standbyRepId")).isEqualTo(C);
        assertThat(received(walkIn("李四", "13800000002", "NO")).text("repId")).isEqualTo(B);

        List<Document> assigned = events("rotas", OFFICE + ":" + TODAY, "crm.reception.assigned.v1");
        assertThat(assigned).hasSize(2);
        Document data = assigned.get(0).get("data", Document.class);
        assertThat(assigned.get(0).getString("routingKey")).isEqualTo("sales.reception.assigned");
        assertThat(data.getString("receptionId")).isEqualTo(first.text("receptionId"));
        assertThat(data.getString("officeId")).isEqualTo(OFFICE);
        assertThat(data.getString("repId")).isEqualTo(A);
        assertThat(data.getString("rule")).isEqualTo("SA-1");
        assertThat(data.getBoolean("countedAsTurn")).isTrue();
        assertThat(data.getString("visitorName")).isEqualTo("张三");
        assertThat(data.get("at")).isNotNull();
        // SA-4: the reception is registered, credited to the receiving rep
        Http.Response registration = api.get("/api/v1/reception/registrations/" + first.text("registrationId"), sales(A));
        assertThat(registration.text("repId")).isEqualTo(A);
        assertThat(registration.text("kind")).isEqualTo("VISIT");
        assertThat(registration.text("validUntil")).startsWith("2026-04-02");
    }

    @Test
    void registeredWithinValidityGoesToTheOriginalRepNotCountedAsATurn_SA3() {
        String registered = visitedBefore(10, C, "王五", "13800000003");
        rota(A, B, C);
        Http.Response back = received(walkIn("王五", "138 0000 0003", "YES"));
        assertThat(back.text("repId")).isEqualTo(C);
        assertThat(back.text("rule")).isEqualTo("SA-3");
        assertThat(back.body().get("countedAsTurn").asBoolean()).isFalse();
        assertThat(back.text("reliedOnRegistrationId")).isEqualTo(registered);
        assertThat(back.text("reason")).contains("registered to " + C).contains(registered);
        // the rota did not move: the next walk-in is still A's
        assertThat(rotaView().text("next")).isEqualTo(A);
        Document data = events("rotas", OFFICE + ":" + TODAY, "crm.reception.assigned.v1").get(0).get("data", Document.class);
        assertThat(data.getString("registrationId")).isEqualTo(registered);
        assertThat(data.getBoolean("countedAsTurn")).isFalse();
    }

    @Test
    void aRegistrationPastItsValidityNoLongerHoldsTheCustomer_SA3_SA4() {
        String lapsed = visitedBefore(40, C, "赵六", "13800000004");
        rota(A, B, C);
        Http.Response back = received(walkIn("赵六", "13800000004", "YES"));
        assertThat(back.text("repId")).isEqualTo(A);
        assertThat(back.text("rule")).isEqualTo("SA-1");
        assertThat(back.text("reason")).contains(lapsed).contains("lapsed").contains("treated as new");
    }

    @Test
    void whenTheOriginalRepIsAbsentTheLastRepInTheRotaReceivesAsACourtesy_SA3() {
        visitedBefore(5, C, "孙七", "13800000005");
        rota(A, B, C);
        received(walkIn("first", "13800000099", "NO"));
        mark(C, "ABSENT");
        Http.Response back = received(walkIn("孙七", "13800000005", "YES"));
        assertThat(back.text("repId")).isEqualTo(A);
        assertThat(back.text("creditedRepId")).isEqualTo(C);
        assertThat(back.body().get("countedAsTurn").asBoolean()).isFalse();
        assertThat(back.text("rule")).isEqualTo("SA-3");
        assertThat(back.text("reason")).contains("courtesy");
        assertThat(rotaView().text("next")).isEqualTo(B);
        Http.Response registration = api.get("/api/v1/reception/registrations/" + back.text("registrationId"), manager());
        assertThat(registration.text("repId")).isEqualTo(C);
        assertThat(registration.text("receivedBy")).isEqualTo(A);
    }

    @Test
    void aNewCustomerNamingARepGoesToThatRepNotCountedAsATurn_SA5() {
        rota(A, B, C);
        Map<String, Object> named = walkIn("周八", "13800000006", "NO");
        named.put("designatedRepId", C);
        Http.Response decision = received(named);
        assertThat(decision.text("repId")).isEqualTo(C);
        assertThat(decision.text("rule")).isEqualTo("SA-5");
        assertThat(decision.body().get("countedAsTurn").asBoolean()).isFalse();
        assertThat(rotaView().text("next")).isEqualTo(A);
    }

    @Test
    void aDesignatedRepWhoIsNotOnDutyLeavesItToTheRota_SA5() {
        rota(A, B, C);
        mark(C, "ERRAND");
        Map<String, Object> named = walkIn("吴九", "13800000007", "NO");
        named.put("designatedRepId", C);
        Http.Response decision = received(named);
        assertThat(decision.text("repId")).isEqualTo(A);
        assertThat(decision.text("rule")).isEqualTo("SA-1");
        assertThat(decision.text("reason")).contains("not on duty");
    }

    @Test
    void aCustomerWhoCannotRecallIsTreatedAsNew_SA3() {
        rota(A, B, C);
        Http.Response decision = received(walkIn("郑十", "13800000008", "CANNOT_RECALL"));
        assertThat(decision.text("repId")).isEqualTo(A);
        assertThat(decision.body().get("countedAsTurn").asBoolean()).isTrue();
        assertThat(decision.text("reason")).contains("cannot recall").contains("treated as new");
    }

    @Test
    void withoutAPhoneTheVisitorIsLookedUpByName_SA3() {
        visitedBefore(3, B, "钱 十一", null);
        rota(A, B, C);
        Http.Response back = received(walkIn("钱十一", null, "YES"));
        assertThat(back.text("repId")).isEqualTo(B);
        assertThat(back.text("rule")).isEqualTo("SA-3");
    }

    @Test
    void aVisitorRefusingTheirRegisteredRepIsReceivedAsNewAndTheRefusalRecorded_SA7() {
        String original = visitedBefore(5, C, "冯十二", "13800000009");
        rota(A, B, C);
        Map<String, Object> refusing = walkIn("冯十二", "13800000009", "YES");
        refusing.put("refusesRegisteredRep", true);
        Http.Response decision = received(refusing);
        assertThat(decision.text("repId")).isEqualTo(A);
        assertThat(decision.text("reliedOnRegistrationId")).isEqualTo(original);
        assertThat(decision.text("reason")).contains("refused " + C);
        Http.Response registration = api.get("/api/v1/reception/registrations/" + decision.text("registrationId"), manager());
        assertThat(registration.text("origin")).isEqualTo("REFUSAL");
        assertThat(registration.text("overrides")).isEqualTo(original);
        // the customer is now A's: the next visit goes to A without a turn
        Http.Response owner = api.get("/api/v1/reception/offices/" + OFFICE + "/registrations/owner?phone=13800000009",
                sales(B));
        assertThat(owner.text("ownerRepId")).isEqualTo(A);
    }

    @Test
    void aManagerApprovedSwitchMidReceptionMovesTheCustomer_SA5() {
        rota(A, B, C);
        Http.Response decision = received(walkIn("陈十三", "13800000010", "NO"));
        String path = "/api/v1/reception/receptions/" + decision.text("receptionId") + "/switch";
        Map<String, Object> body = Map.of("toRepId", C, "reason", "asked for the rep who showed them the model flat");
        assertThat(api.post(path, sales(A), body).status()).isEqualTo(403);
        Http.Response switched = api.post(path, manager(), body);
        assertThat(switched.status()).as(switched.raw()).isEqualTo(200);
        assertThat(switched.text("switchedTo")).isEqualTo(C);
        assertThat(api.get("/api/v1/reception/offices/" + OFFICE + "/registrations/owner?phone=13800000010", sales(B))
                .text("ownerRepId")).isEqualTo(C);
    }

    @Test
    void aRetriedWalkInWithTheSameIdempotencyKeyTakesOneTurn_SA1() throws Exception {
        rota(A, B, C);
        String path = "/api/v1/reception/offices/" + OFFICE + "/walk-ins";
        Map<String, Object> visitor = walkIn("重试", "13800000014", "NO");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<Http.Response>> copies = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            copies.add(pool.submit(() -> api.post(path, sales(A), visitor, "tablet-7:42")));
        }
        java.util.Set<String> receptionIds = new java.util.HashSet<>();
        for (var copy : copies) {
            Http.Response r = copy.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(r.status()).as(r.raw()).isEqualTo(201);
            assertThat(r.text("repId")).isEqualTo(A);
            receptionIds.add(r.text("receptionId"));
        }
        pool.shutdown();
        assertThat(receptionIds).hasSize(1);
        assertThat(api.post(path, sales(A), visitor, "tablet-7:42").text("receptionId")).isEqualTo(receptionIds.iterator().next());
        assertThat(rotaView().body().get("turns").size()).isEqualTo(1);
        assertThat(rotaView().text("next")).isEqualTo(B);
        // the same key from another rep is another request
        assertThat(api.post(path, sales(B), walkIn("其他", "13800000015", "NO"), "tablet-7:42").text("repId")).isEqualTo(B);
    }

    @Test
    void withoutTodaysRotaThereIsNoReception_SA1() {
        Http.Response r = receive(walkIn("x", "13800000011", "NO"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("rota.not-set");
    }

    @Test
    void onlyTheOfficesFrontDeskReceivesAndBadInputNamesTheField() {
        rota(A, B, C);
        Http.Response agent = api.post("/api/v1/reception/offices/" + OFFICE + "/walk-ins", agent(),
                walkIn("x", "13800000012", "NO"));
        assertThat(agent.status()).isEqualTo(403);
        assertThat(agent.contentType()).startsWith("application/problem+json");
        Http.Response bad = api.post("/api/v1/reception/offices/" + OFFICE + "/walk-ins", sales(A),
                Map.of("phone", "13800000013", "visitedBefore", "NO"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.raw()).contains("visitorName");
        Http.Response badEnum = api.post("/api/v1/reception/offices/" + OFFICE + "/walk-ins", sales(A),
                Map.of("visitorName", "x", "visitedBefore", "MAYBE"));
        assertThat(badEnum.status()).isEqualTo(400);
        assertThat(rotaView().body().get("turns").size()).isZero();
    }
}
