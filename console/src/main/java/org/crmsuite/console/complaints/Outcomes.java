package org.crmsuite.console.complaints;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the service answered to a change, kept across the redirect to the case page (a flash attribute: plain strings,
 * so it survives the session store). The page says it in the person's language — e.g. that a rating of 4 or 5 did not
 * close the case but escalated it (CO-7). It also lets the page say where a case went when the person may no longer
 * read it (an agent's escalation hands it to the manager tier, CO-4).
 */
final class Outcomes {

    private static final List<String> KEPT = List.of("id", "state", "level", "handlerTier", "executiveMeeting",
            "customerVerification");

    private Outcomes() {
    }

    static Map<String, String> of(String action, Map<String, Object> answer) {
        Map<String, String> outcome = new LinkedHashMap<>();
        outcome.put("action", action);
        if (answer != null) {
            for (String field : KEPT) {
                if (answer.get(field) != null) {
                    outcome.put(field, String.valueOf(answer.get(field)));
                }
            }
        }
        return outcome;
    }

    /** Closing with a rating: also what was asked, to say "rated 4 — escalated" (CO-7). */
    static Map<String, String> closing(Map<String, Object> answer, Integer rating, boolean unreachable) {
        Map<String, String> outcome = of("closed", answer);
        if (rating != null) {
            outcome.put("rating", String.valueOf(rating));
        }
        if (unreachable) {
            outcome.put("customerUnreachable", "true");
        }
        return outcome;
    }
}
