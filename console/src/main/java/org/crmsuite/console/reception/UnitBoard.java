package org.crmsuite.console.reception;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crmsuite.console.security.ConsoleUser;

/**
 * The availability board (销控): the project's units from {@code GET /units?projectId=} with the deal holding each
 * one from {@code GET /deposits?officeId=} (as far as the person may read deals), and the deposit actions the
 * person's role has on it (SA-9, docs/security.md).
 */
final class UnitBoard {

    private UnitBoard() {
    }

    /** A deal as the board shows it. */
    record Deal(String id, String stage, String customerId, String buyerName, String repId, String repName, int payments) {

        /** Forward-only stages are still open (a contract or a cancellation ends the deal). */
        public boolean open() {
            return "SMALL_DEPOSIT".equals(stage) || "LARGE_DEPOSIT".equals(stage) || "SUBSCRIPTION".equals(stage);
        }
    }

    record Row(String id, String label, String building, String unitNumber, String area, String price, String currency,
            String status, Deal deal, List<String> actions) {

        public boolean available() {
            return "AVAILABLE".equals(status);
        }

        /** Row id for tests and links: {@code unit-1-0101}. */
        public String anchor() {
            return "unit-" + (building + "-" + unitNumber).replaceAll("[^A-Za-z0-9-]", "_");
        }

        public String tone() {
            return switch (status == null ? "" : status) {
                case "AVAILABLE" -> "ok";
                case "CONTRACTED" -> "bad";
                default -> "warn";
            };
        }
    }

    static String label(Map<String, Object> unit) {
        return text(unit.get("building")) + "-" + text(unit.get("unitNumber"));
    }

    static List<Row> rows(List<Map<String, Object>> units, List<Map<String, Object>> deposits, Office office,
            ConsoleUser me, Map<String, String> names) {
        Map<String, Deal> deals = new LinkedHashMap<>();
        for (Map<String, Object> d : deposits) {
            String rep = text(d.get("repId"));
            Deal deal = new Deal(text(d.get("id")), text(d.get("stage")), text(d.get("customerId")),
                    text(d.get("buyerName")), rep, rep == null ? null : names.getOrDefault(rep, rep),
                    d.get("payments") instanceof List<?> paid ? paid.size() : 0);
            deals.put(deal.id(), deal);
        }
        List<Row> rows = new ArrayList<>();
        for (Map<String, Object> u : units) {
            String status = text(u.get("status"));
            Deal deal = u.get("depositId") == null ? null : deals.get(text(u.get("depositId")));
            rows.add(new Row(text(u.get("id")), label(u), text(u.get("building")), text(u.get("unitNumber")),
                    text(u.get("area")), text(u.get("price")), text(u.get("currency")), status, deal,
                    actions(status, deal, office, me)));
        }
        return rows;
    }

    /**
     * What the person may do from here, as sales-service allows it: the office's reps and manager place a deposit on
     * an available unit; the deal's own rep or the manager moves it on or cancels it; FINANCE alone records money.
     */
    static List<String> actions(String status, Deal deal, Office office, ConsoleUser me) {
        List<String> actions = new ArrayList<>();
        if ("AVAILABLE".equals(status) && office.frontDesk(me)) {
            actions.add("place");
        }
        if (deal != null && deal.open()
                && (office.managedBy(me) || (office.frontDesk(me) && me.has("SALES") && me.id().equals(deal.repId())))) {
            actions.add("stage");
            actions.add("cancel");
        }
        if (deal != null && me.has("FINANCE") && !"CANCELLED".equals(deal.stage())) {
            actions.add("payment");
        }
        return actions;
    }

    /** Counts per status, in the order of the stages, for the board's summary line. */
    static Map<String, Integer> counts(List<Row> rows) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String status : List.of("AVAILABLE", "SMALL_DEPOSIT", "LARGE_DEPOSIT", "SUBSCRIBED", "CONTRACTED")) {
            int n = (int) rows.stream().filter(row -> status.equals(row.status())).count();
            if (n > 0) {
                counts.put(status, n);
            }
        }
        return counts;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
