package org.crmsuite.console.reception;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The walk-in form, named after sales-service's walk-in fields ({@code POST /reception/offices/{o}/walk-ins}: SA-3
 * visitor and whether they came before, SA-5 a rep they name, SA-7 refusing the registered rep, the spouse's phone).
 * {@code idempotencyKey} is issued with the form, so sending it twice takes one turn of the rota, not two.
 */
record WalkInForm(String visitorName, String phone, String visitedBefore, String designatedRepId,
        Boolean refusesRegisteredRep, String spousePhone, String note, String idempotencyKey) {

    static final List<String> VISITED_BEFORE = List.of("NO", "YES", "CANNOT_RECALL");

    static WalkInForm blank() {
        return new WalkInForm(null, null, null, null, null, null, null, ReceptionDesk.newKey());
    }

    /** A form whose key was lost (an old page): it gets one now; retries of this very submission share it. */
    WalkInForm withKey() {
        return idempotencyKey == null || idempotencyKey.isBlank() ? new WalkInForm(visitorName, phone, visitedBefore,
                designatedRepId, refusesRegisteredRep, spousePhone, note, ReceptionDesk.newKey()) : this;
    }

    boolean visitedBeforeReadable() {
        return visitedBefore == null || visitedBefore.isBlank() || VISITED_BEFORE.contains(visitedBefore);
    }

    public boolean refuses() {
        return Boolean.TRUE.equals(refusesRegisteredRep);
    }

    /** The JSON the service takes: blank inputs are absent (a blank phone would fail the service's phone pattern). */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, "visitorName", visitorName);
        put(body, "phone", phone);
        put(body, "visitedBefore", visitedBefore);
        put(body, "designatedRepId", designatedRepId);
        if (refuses()) {
            body.put("refusesRegisteredRep", true);
        }
        put(body, "spousePhone", spousePhone);
        put(body, "note", note);
        return body;
    }

    private static void put(Map<String, Object> body, String field, String value) {
        if (value != null && !value.isBlank()) {
            body.put(field, value.trim());
        }
    }
}
