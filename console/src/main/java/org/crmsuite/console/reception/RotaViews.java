package org.crmsuite.console.reception;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The day's rota as sales-service returns it ({@code RotaView}: {@code reps[]} in order with state and counters,
 * {@code next}, {@code standby}, the {@code turns} log), shaped for the page and named with the directory's names.
 */
final class RotaViews {

    static final List<String> STATES = List.of("ON_DUTY", "ABSENT", "ERRAND", "BUSINESS_TRIP", "OFF");

    private RotaViews() {
    }

    /** One rep's place: SA-1 order, SA-2 state, the priority slot and owed turns, the day's counters. */
    record Rep(String id, String name, String state, boolean priority, int owed, int turnsTaken, int turnsLost,
            int notCounted, boolean next, boolean standby) {

        public boolean onDuty() {
            return "ON_DUTY".equals(state);
        }

        /** Tag colour: on duty ok, away with a reason warn, absent without reason bad. */
        public String tone() {
            return switch (state == null ? "" : state) {
                case "ON_DUTY" -> "ok";
                case "ABSENT" -> "bad";
                case "ERRAND", "BUSINESS_TRIP" -> "warn";
                default -> "";
            };
        }
    }

    /** One reception decided against the rota today. */
    record Turn(String at, String repId, String repName, String creditedRepId, String creditedName, String rule,
            boolean counted, String reason) {

        public boolean courtesy() {
            return creditedRepId != null && !creditedRepId.equals(repId);
        }
    }

    record Day(String date, String next, String nextName, String standby, String standbyName, List<Rep> reps,
            List<Turn> turns, List<Rep> away) {

        public List<String> order() {
            return reps.stream().map(Rep::id).toList();
        }
    }

    static Day of(Map<String, Object> rota, Map<String, String> names) {
        String next = text(rota.get("next"));
        String standby = text(rota.get("standby"));
        List<Rep> reps = new ArrayList<>();
        if (rota.get("reps") instanceof List<?> slots) {
            for (Object item : slots) {
                if (item instanceof Map<?, ?> slot) {
                    String id = text(slot.get("repId"));
                    reps.add(new Rep(id, names.getOrDefault(id, id), text(slot.get("state")),
                            Boolean.TRUE.equals(slot.get("priority")), number(slot.get("owed")),
                            number(slot.get("turnsTaken")), number(slot.get("turnsLost")), number(slot.get("notCounted")),
                            id != null && id.equals(next), id != null && id.equals(standby)));
                }
            }
        }
        List<Turn> turns = new ArrayList<>();
        if (rota.get("turns") instanceof List<?> log) {
            for (Object item : log) {
                if (item instanceof Map<?, ?> turn) {
                    String rep = text(turn.get("repId"));
                    String credited = text(turn.get("creditedRepId"));
                    turns.add(new Turn(text(turn.get("at")), rep, names.getOrDefault(rep, rep), credited,
                            credited == null ? null : names.getOrDefault(credited, credited), text(turn.get("rule")),
                            Boolean.TRUE.equals(turn.get("counted")), text(turn.get("reason"))));
                }
            }
        }
        java.util.Collections.reverse(turns); // the latest reception first
        List<Rep> away = reps.stream().filter(rep -> !rep.onDuty()).toList();
        return new Day(text(rota.get("date")), next, next == null ? null : names.getOrDefault(next, next), standby,
                standby == null ? null : names.getOrDefault(standby, standby), List.copyOf(reps),
                List.copyOf(turns), away);
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }
}
