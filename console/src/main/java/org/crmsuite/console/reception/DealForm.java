package org.crmsuite.console.reception;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deposit forms of the unit board, one record for the four actions sales-service offers on a deal (SA-9):
 * {@code place} ({@code POST /deposits}: unit, customer, buyer, first stage, amount, and the rep when a manager takes
 * it), {@code stage} (forward only), {@code cancel} (releases the unit at once) and {@code payment} (FINANCE only).
 * Inputs are named after the API's JSON fields.
 */
record DealForm(String unitId, String unitLabel, String customerId, String buyerName, String buyerPhone, String stage,
        String amount, String repId, String reason, String reference, String idempotencyKey) {

    /** SA-9: the stages of a deal, in order; a deal starts with one of the first two. */
    static final List<String> STAGES = List.of("SMALL_DEPOSIT", "LARGE_DEPOSIT", "SUBSCRIPTION", "CONTRACT");
    static final List<String> FIRST_STAGES = STAGES.subList(0, 2);

    static DealForm forUnit(String unitId, String unitLabel) {
        return new DealForm(unitId, unitLabel, null, null, null, "SMALL_DEPOSIT", null, null, null, null,
                ReceptionDesk.newKey());
    }

    static DealForm forDeal(String unitLabel, String stage) {
        return new DealForm(null, unitLabel, null, null, null, stage, null, null, null, null, ReceptionDesk.newKey());
    }

    DealForm withKey() {
        return idempotencyKey == null || idempotencyKey.isBlank() ? new DealForm(unitId, unitLabel, customerId, buyerName,
                buyerPhone, stage, amount, repId, reason, reference, ReceptionDesk.newKey()) : this;
    }

    /** Whether the amount is absent (the service names it) or a decimal number; anything else stops here. */
    boolean amountReadable() {
        return amount == null || amount.isBlank() || decimal() != null;
    }

    boolean stageOffered(List<String> offered) {
        return stage == null || stage.isBlank() || offered.contains(stage);
    }

    private BigDecimal decimal() {
        try {
            // "20,000.00" as people write it; the service takes a plain decimal
            return new BigDecimal(amount.trim().replace(",", "").replace("，", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    Map<String, Object> placeBody(boolean namesRep) {
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, "unitId", unitId);
        put(body, "customerId", customerId);
        put(body, "buyerName", buyerName);
        put(body, "buyerPhone", buyerPhone);
        put(body, "stage", stage);
        putAmount(body);
        if (namesRep) {
            put(body, "repId", repId); // only a manager names the rep; a rep's deposit is their own
        }
        return body;
    }

    Map<String, Object> stageBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, "stage", stage);
        putAmount(body);
        return body;
    }

    Map<String, Object> cancelBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, "reason", reason);
        return body;
    }

    Map<String, Object> paymentBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, "stage", stage);
        putAmount(body);
        put(body, "reference", reference);
        return body;
    }

    private void putAmount(Map<String, Object> body) {
        BigDecimal value = amount == null || amount.isBlank() ? null : decimal();
        if (value != null) {
            body.put("amount", value);
        }
    }

    private static void put(Map<String, Object> body, String field, String value) {
        if (value != null && !value.isBlank()) {
            body.put(field, value.trim());
        }
    }
}
