package org.crmsuite.sales.rota;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.crmsuite.sales.support.Http;
import org.crmsuite.sales.support.SalesTestBase;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** SA-1/SA-2 through the API: only the office's manager sets and reorders the rota and records absences. */
class RotaApiTest extends SalesTestBase {

    static final String A = "demo-sales-1";
    static final String B = "demo-sales-2";
    static final String C = "demo-sales-3";
    static final String ROTA = "/api/v1/reception/offices/" + OFFICE + "/rota/" + TODAY;

    @Test
    void onlyTheOfficesManagerSetsAndReordersTheRota_SA1() {
        assertThat(api.post(ROTA, sales(A), Map.of("order", List.of(A, B))).status()).isEqualTo(403);
        assertThat(api.post(ROTA, otherManager(), Map.of("order", List.of(A, B))).status()).isEqualTo(403);
        assertThat(api.post(ROTA, admin(), Map.of("order", List.of(A, B))).status()).isEqualTo(403);
        rota(A, B, C);
        assertThat(api.post(ROTA, manager(), Map.of("order", List.of(A))).code()).isEqualTo("rota.exists");
        assertThat(api.put(ROTA + "/order", sales(A), Map.of("order", List.of(C, B, A))).status()).isEqualTo(403);
        Http.Response reordered = api.put(ROTA + "/order", manager(), Map.of("order", List.of(C, B, A), "next", B));
        assertThat(reordered.status()).as(reordered.raw()).isEqualTo(200);
        assertThat(reordered.text("next")).isEqualTo(B);
        assertThat(reordered.text("standby")).isEqualTo(A);
        assertThat(received(walkIn("x", "13800000601", "NO")).text("repId")).isEqualTo(B);
        Http.Response bad = api.put(ROTA + "/order", manager(), Map.of("order", List.of()));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.raw()).contains("order");
        assertThat(api.put(ROTA + "/order", manager(), Map.of("order", List.of(A, B), "next", "nobody")).code())
                .isEqualTo("rota.next-not-on-rota");
        assertThat(api.get(ROTA, agent()).status()).isEqualTo(403);
        assertThat(api.get(ROTA, sales(C)).status()).isEqualTo(200);
    }

    @Test
    void theRotaIsReadByTheDesksRepsAndManagerNotByOtherRolesOfItsDepartment_SA1() {
        rota(A, B, C);
        String financeOfTheDepartment = org.crmsuite.testsupport.TestTokens.bearer("finance-east", EAST, "FINANCE");
        String dispatcherOfTheDepartment = org.crmsuite.testsupport.TestTokens.bearer("dispatcher-east", EAST, "DISPATCHER");

        assertThat(api.get(ROTA, financeOfTheDepartment).status()).isEqualTo(403);
        assertThat(api.get(ROTA, dispatcherOfTheDepartment).status()).isEqualTo(403);
        assertThat(api.get(ROTA, manager()).status()).isEqualTo(200);
        assertThat(api.get(ROTA, sales(A)).status()).isEqualTo(200);
        assertThat(api.get(ROTA, admin()).status()).isEqualTo(200);
    }

    @Test
    void absencesOfEveryKindRecordedByTheManagerShapeTheTurns_SA2() {
        rota(A, B, C);
        assertThat(api.put(ROTA + "/reps/" + B + "/state", sales(B), Map.of("state", "ON_DUTY")).status()).isEqualTo(403);
        mark(A, "ABSENT");
        mark(B, "ERRAND");
        mark(C, "BUSINESS_TRIP");
        Http.Response nobody = receive(walkIn("x", "13800000602", "NO"));
        assertThat(nobody.status()).isEqualTo(409);
        assertThat(nobody.code()).isEqualTo("rota.nobody-on-duty");
        mark(A, "ON_DUTY");
        assertThat(received(walkIn("y", "13800000603", "NO")).text("repId")).isEqualTo(A);
        Http.Response second = received(walkIn("v", "13800000606", "NO"));
        assertThat(second.text("repId")).isEqualTo(A);
        assertThat(second.text("reason")).contains(B + " (manager's errand").contains(C + " (company business");
        assertThat(rotaView().body().get("reps").get(2).get("owed").asInt()).isEqualTo(1);
        mark(B, "ON_DUTY");
        mark(C, "ON_DUTY");
        Http.Response priority = received(walkIn("z", "13800000604", "NO"));
        assertThat(priority.text("repId")).isEqualTo(B);
        assertThat(priority.text("rule")).isEqualTo("SA-2");
        assertThat(priority.text("reason")).contains("priority");
        Http.Response owed = received(walkIn("w", "13800000605", "NO"));
        assertThat(owed.text("repId")).isEqualTo(C);
        assertThat(owed.text("reason")).contains("owed");
        JsonNode reps = rotaView().body().get("reps");
        assertThat(reps.get(2).get("owed").asInt()).isZero();
        assertThat(api.put(ROTA + "/reps/" + B + "/state", manager(), Map.of("state", "SICK")).status()).isEqualTo(400);
        assertThat(api.put(ROTA + "/reps/nobody/state", manager(), Map.of("state", "ABSENT")).status()).isEqualTo(404);
    }
}
