package org.crmsuite.console.reception;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Why the desk gave a walk-in to whom, in the person's language. sales-service answers a walk-in with the rule id it
 * applied ({@code rule}: SA-1, SA-2, SA-3, SA-5), the facts behind it ({@code repId} receiving, {@code creditedRepId}
 * owning, {@code countedAsTurn}, {@code reliedOnRegistrationId}, {@code referralId}) and an English {@code reason}.
 * The main message follows from the structured fields; the sub-cases the service only writes into its reason (which
 * SA-2 slot, reps passed over, a lapsed registration) add notes. The service's own sentence is shown beside it.
 *
 * @param rule      the rule id as the service gave it
 * @param key       message key of the main explanation ({@code walkIn.rule.*})
 * @param notes     message keys of further facts ({@code walkIn.note.*})
 * @param counted   whether the walk-in took a turn of the rota
 */
record WalkInRule(String rule, String key, List<String> notes, boolean counted) {

    static WalkInRule of(Map<String, Object> decision) {
        String rule = text(decision.get("rule"));
        String rep = text(decision.get("repId"));
        String credited = text(decision.get("creditedRepId"));
        String reason = text(decision.get("reason")) == null ? "" : text(decision.get("reason")).toLowerCase(Locale.ROOT);
        boolean counted = Boolean.TRUE.equals(decision.get("countedAsTurn"));
        String key = switch (rule == null ? "" : rule) {
            // SA-3: registered within validity: the owner receives; the owner away: the courtesy receiver, owner keeps it
            case "SA-3" -> rep != null && !rep.equals(credited) ? "walkIn.rule.courtesy" : "walkIn.rule.owner";
            // SA-5: a new visitor who named a rep on duty before reception
            case "SA-5" -> "walkIn.rule.designated";
            // SA-2: back from the manager's errand (priority slot) or from company business (owed turns)
            case "SA-2" -> reason.contains("priority") ? "walkIn.rule.priority"
                    : reason.contains("owed") ? "walkIn.rule.owed" : "walkIn.rule.absence";
            // SA-1: round-robin from the cursor
            case "SA-1" -> "walkIn.rule.rota";
            default -> "walkIn.rule.other";
        };
        List<String> notes = new ArrayList<>();
        if (decision.get("reliedOnRegistrationId") != null && !"SA-3".equals(rule)) {
            notes.add("walkIn.note.refused"); // SA-7: refused the registered rep → 80 % new / 20 % original
        }
        if (reason.contains("sa-5: named") && !"SA-5".equals(rule)) {
            notes.add("walkIn.note.designatedAway");
        }
        if (reason.contains("sa-2: passed")) {
            notes.add("walkIn.note.passed");
        }
        if (reason.contains("lapsed")) {
            notes.add("walkIn.note.lapsed");
        } else if (reason.contains("cannot recall")) {
            notes.add("walkIn.note.cannotRecall");
        } else if (reason.contains("no registration is found")) {
            notes.add("walkIn.note.notFound");
        }
        if (decision.get("referralId") != null) {
            notes.add("walkIn.note.referral"); // SA-6: the referral is confirmed by this arrival
        }
        return new WalkInRule(rule, key, List.copyOf(notes), counted);
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
