package org.crmsuite.sales.rota;

import java.util.ArrayList;
import java.util.List;

/**
 * Whose turn it is (DOMAIN.md SA-1, SA-2). Reps on duty take walk-ins in a rolling round-robin from the rota's
 * cursor. Before the round-robin: a rep back from a manager's errand gets a priority slot, then a rep back from company
 * business takes the turns owed. On the way round a rep who is due but absent without reason loses the turn, one on
 * a business trip is owed it (up to {@code maxOwed}), and one on an errand is passed over (the priority slot makes
 * up for it). The cursor only moves on a round-robin turn, so priority and owed turns do not shift the order.
 */
public final class RotaTurn {

    private RotaTurn() {
    }

    /** A turn chosen but not yet applied: who, by which rule, and whom the round-robin passed on the way. */
    public record Pick(int index, Kind kind, String rule, String reason, int cursorAfter, List<Integer> passed) {
    }

    public enum Kind { PRIORITY, OWED, ROUND_ROBIN }

    /** @return the pick, or {@code null} when nobody is on duty */
    public static Pick choose(List<RotaSlot> slots, int cursor) {
        for (int i = 0; i < slots.size(); i++) {
            RotaSlot slot = slots.get(i);
            if (slot.onDuty() && slot.priority) {
                return new Pick(i, Kind.PRIORITY, "SA-2", "SA-2: priority slot on return from a manager's errand", cursor, List.of());
            }
        }
        for (int i = 0; i < slots.size(); i++) {
            RotaSlot slot = slots.get(i);
            if (slot.onDuty() && slot.owed > 0) {
                return new Pick(i, Kind.OWED, "SA-2", "SA-2: owed turn after company business (" + slot.owed + " owed)", cursor,
                        List.of());
            }
        }
        List<Integer> passed = new ArrayList<>();
        int n = slots.size();
        for (int step = 0; step < n; step++) {
            int index = Math.floorMod(cursor + step, n);
            RotaSlot slot = slots.get(index);
            if (slot.onDuty()) {
                return new Pick(index, Kind.ROUND_ROBIN, "SA-1", describe(slots, passed), (index + 1) % n, List.copyOf(passed));
            }
            passed.add(index);
        }
        return null;
    }

    /** Applies a pick: the chosen rep's turn is counted, the passed reps lose, are owed or wait for their priority. */
    public static void apply(List<RotaSlot> slots, Pick pick, int maxOwed) {
        for (int index : pick.passed()) {
            RotaSlot slot = slots.get(index);
            switch (slot.state) {
                case ABSENT -> slot.turnsLost++;
                case BUSINESS_TRIP -> slot.owed = Math.min(maxOwed, slot.owed + 1);
                default -> {
                    // ERRAND: the priority slot on return makes up for it; OFF: not on the rota today
                }
            }
        }
        RotaSlot chosen = slots.get(pick.index());
        switch (pick.kind()) {
            case PRIORITY -> chosen.priority = false;
            case OWED -> chosen.owed--;
            case ROUND_ROBIN -> {
                // the cursor moves past the chosen rep (Rota)
            }
        }
        chosen.turnsTaken++;
    }

    private static String describe(List<RotaSlot> slots, List<Integer> passed) {
        if (passed.isEmpty()) {
            return "SA-1: next in the rota";
        }
        StringBuilder reason = new StringBuilder("SA-1: next in the rota; SA-2: passed ");
        for (int i = 0; i < passed.size(); i++) {
            RotaSlot slot = slots.get(passed.get(i));
            reason.append(i == 0 ? "" : ", ").append(slot.repId).append(switch (slot.state) {
                case ABSENT -> " (absent without reason: turn lost)";
                case BUSINESS_TRIP -> " (company business: turn owed)";
                case ERRAND -> " (manager's errand: priority on return)";
                default -> " (off)";
            });
        }
        return reason.toString();
    }
}
