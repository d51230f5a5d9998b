package org.crmsuite.sales.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.bson.Document;
import org.crmsuite.sales.support.Http;
import org.crmsuite.sales.support.SalesTestBase;
import org.junit.jupiter.api.Test;

/** SA-4 through the API: calls, the daily confirmation, immutability and corrections, per-office validity. */
class RegistrationTest extends SalesTestBase {

    static final String A = "demo-sales-1";
    static final String B = "demo-sales-2";

    @Test
    void aPhoneInquiryIsLoggedButNeverEstablishesOwnership_SA4() {
        rota(A, B);
        Http.Response call = api.post("/api/v1/reception/offices/" + OFFICE + "/calls", sales(B),
                Map.of("callerName", "来电 Caller", "phone", "13800000201", "note", "asked for prices"));
        assertThat(call.status()).as(call.raw()).isEqualTo(201);
        assertThat(call.text("kind")).isEqualTo("CALL");
        assertThat(call.text("validUntil")).isNull();
        Http.Response visit = received(walkIn("来电 Caller", "13800000201", "YES"));
        assertThat(visit.text("repId")).isEqualTo(A);
        assertThat(visit.text("rule")).isEqualTo("SA-1");
    }

    @Test
    void afterTheManagersDailyConfirmationAnEntryIsImmutableAndCorrectedByALinkedEntry_SA4() {
        rota(A, B);
        String id = received(walkIn("王小明", "13800000202", "NO")).text("registrationId");
        Http.Response before = api.get("/api/v1/reception/registrations/" + id, sales(A));
        Http.Response edited = api.put("/api/v1/reception/registrations/" + id, sales(A), Map.of("visitorName", "王晓明",
                "phone", "13800000202", "note", "name spelled wrong", "version", before.body().get("version").asLong()));
        assertThat(edited.status()).as(edited.raw()).isEqualTo(200);
        assertThat(edited.text("visitorName")).isEqualTo("王晓明");

        String confirm = "/api/v1/reception/offices/" + OFFICE + "/registrations/confirmations";
        assertThat(api.post(confirm, sales(A), Map.of("date", TODAY.toString())).status()).isEqualTo(403);
        Http.Response confirmed = api.post(confirm, manager(), Map.of("date", TODAY.toString()));
        assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(201);
        assertThat(confirmed.body().get("count").asInt()).isEqualTo(1);
        Document event = events("registration_confirmations", confirmed.text("id"),
                "crm.reception.registration-confirmed.v1").get(0);
        assertThat(event.get("data", Document.class).getInteger("count")).isEqualTo(1);
        assertThat(event.get("data", Document.class).getString("confirmedBy")).isEqualTo("demo-manager-east");

        Http.Response now = api.get("/api/v1/reception/registrations/" + id, sales(A));
        assertThat(now.body().get("confirmed").asBoolean()).isTrue();
        Http.Response late = api.put("/api/v1/reception/registrations/" + id, sales(A), Map.of("visitorName", "x",
                "version", now.body().get("version").asLong()));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("registration.confirmed");
        assertThat(api.delete("/api/v1/reception/registrations/" + id, manager()).code()).isEqualTo("registration.confirmed");

        Http.Response correction = api.post("/api/v1/reception/registrations/" + id + "/corrections", sales(A),
                Map.of("visitorName", "王晓明", "phone", "13800000203", "note", "phone mistyped at the desk"));
        assertThat(correction.status()).as(correction.raw()).isEqualTo(201);
        assertThat(correction.text("correctionOf")).isEqualTo(id);
        assertThat(correction.text("repId")).isEqualTo(A);
        assertThat(correction.text("registeredAt")).isEqualTo(now.text("registeredAt"));
        // the original stays as it was; the register now finds the customer by the corrected phone
        assertThat(api.get("/api/v1/reception/registrations/" + id, sales(A)).text("phone")).isEqualTo("13800000202");
        Http.Response owner = api.get("/api/v1/reception/offices/" + OFFICE + "/registrations/owner?phone=13800000203",
                sales(B));
        assertThat(owner.text("ownerRepId")).isEqualTo(A);
        assertThat(owner.text("registrationId")).isEqualTo(correction.text("id"));
        // nothing left to confirm: no second event
        assertThat(api.post(confirm, manager(), Map.of("date", TODAY.toString())).body().get("count").asInt()).isEqualTo(1);
    }

    @Test
    void aConfirmationInterruptedBeforeItsRecordIsCompletedByTheNextOne_SA4() {
        rota(A, B);
        String id = received(walkIn("中断", "13800000207", "NO")).text("registrationId");
        // as if an instance died after marking the day's entries and before storing the confirmation
        mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(new org.bson.types.ObjectId(id))),
                new org.springframework.data.mongodb.core.query.Update().set("confirmed", true)
                        .set("confirmedBy", "demo-manager-east").set("confirmationId", "c-lost").inc("version", 1),
                "registrations");
        Http.Response next = api.post("/api/v1/reception/offices/" + OFFICE + "/registrations/confirmations", manager(),
                Map.of("date", TODAY.toString()));
        assertThat(next.body().get("count").asInt()).isZero();
        Document recovered = events("registration_confirmations", "c-lost", "crm.reception.registration-confirmed.v1").get(0);
        assertThat(recovered.get("data", Document.class).getInteger("count")).isEqualTo(1);
    }

    @Test
    void aRepReadsOnlyTheirOwnRegistrations() {
        rota(A, B);
        received(walkIn("one", "13800000204", "NO"));
        received(walkIn("two", "13800000205", "NO"));
        Http.Response mine = api.get("/api/v1/reception/offices/" + OFFICE + "/registrations?date=" + TODAY, sales(B));
        assertThat(mine.body().size()).isEqualTo(1);
        assertThat(mine.body().get(0).get("repId").asString()).isEqualTo(B);
        assertThat(api.get("/api/v1/reception/offices/" + OFFICE + "/registrations?date=" + TODAY, manager()).body().size())
                .isEqualTo(2);
        assertThat(api.get("/api/v1/reception/offices/" + OFFICE + "/registrations", agent()).status()).isEqualTo(403);
    }

    @Test
    void someOfficesHoldOwnershipForTwoMonthsByPolicy_SA4() {
        Http.Response policy = api.get("/api/v1/reception/policy", sales(A));
        assertThat(policy.body().get("policy").get("validityMonths").asInt()).isEqualTo(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> twoMonths = json.convertValue(policy.body().get("policy"), Map.class);
        twoMonths.put("officeValidityMonths", Map.of(OFFICE, 2));
        assertThat(api.put("/api/v1/reception/policy", admin(), Map.of("policy", twoMonths, "version", 0)).status())
                .isEqualTo(200);
        Http.Response stale = api.put("/api/v1/reception/policy", admin(), Map.of("policy", twoMonths, "version", 0));
        assertThat(stale.status()).isEqualTo(409);
        twoMonths.put("validityMonths", 0);
        assertThat(api.put("/api/v1/reception/policy", admin(), Map.of("policy", twoMonths, "version", 1)).raw())
                .contains("validityMonths");

        visitedBefore(45, B, "长期客户", "13800000206");
        rota(A, B);
        Http.Response back = received(walkIn("长期客户", "13800000206", "YES"));
        assertThat(back.text("repId")).isEqualTo(B);
        assertThat(back.text("rule")).isEqualTo("SA-3");
    }
}
