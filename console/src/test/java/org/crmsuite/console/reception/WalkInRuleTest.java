package org.crmsuite.console.reception;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Which explanation a walk-in answer of sales-service gets (its rule id and facts; WalkInDecision, RotaTurn). */
class WalkInRuleTest {

    @Test
    void theRegisteredRepReceivingIsTheOwnerRule() {
        // SA-3: within validity, the owner on duty
        WalkInRule rule = WalkInRule.of(decision("SA-3", "demo-sales-2", "demo-sales-2", false, "SA-3: registered to demo-sales-2"));
        assertThat(rule.key()).isEqualTo("walkIn.rule.owner");
        assertThat(rule.notes()).isEmpty();
        assertThat(rule.counted()).isFalse();
    }

    @Test
    void anotherRepReceivingForTheOwnerIsACourtesy() {
        // SA-3: the owner away → the courtesy receiver, credit stays with the owner
        assertThat(WalkInRule.of(decision("SA-3", "demo-sales-3", "demo-sales-2", false, "… receives as a courtesy")).key())
                .isEqualTo("walkIn.rule.courtesy");
    }

    @Test
    void theRotaTurnNamesTheRepsPassedOver() {
        // SA-1 with SA-2: an absent rep due lost the turn
        WalkInRule rule = WalkInRule.of(decision("SA-1", "demo-sales-3", "demo-sales-3", true,
                "SA-3: new customer; SA-1: next in the rota; SA-2: passed demo-sales-2 (absent without reason: turn lost)"));
        assertThat(rule.key()).isEqualTo("walkIn.rule.rota");
        assertThat(rule.notes()).containsExactly("walkIn.note.passed");
        assertThat(rule.counted()).isTrue();
    }

    @Test
    void theTwoKindsOfSa2SlotAreTold() {
        assertThat(WalkInRule.of(decision("SA-2", "demo-sales-1", "demo-sales-1", true,
                "SA-3: new customer; SA-2: priority slot on return from a manager's errand")).key()).isEqualTo("walkIn.rule.priority");
        assertThat(WalkInRule.of(decision("SA-2", "demo-sales-1", "demo-sales-1", true,
                "SA-3: new customer; SA-2: owed turn after company business (2 owed)")).key()).isEqualTo("walkIn.rule.owed");
    }

    @Test
    void aRefusalOfTheRegisteredRepIsNotedWhateverDecidedNext() {
        // SA-7: refused the owner → as new (here by the rota) and the 80/20 split later
        Map<String, Object> refused = decision("SA-1", "demo-sales-3", "demo-sales-3", true,
                "SA-7: visitor refused demo-sales-2, registered …; received as new; SA-1: next in the rota");
        refused.put("reliedOnRegistrationId", "g1");
        assertThat(WalkInRule.of(refused).notes()).containsExactly("walkIn.note.refused");
    }

    @Test
    void aNamedRepAwayLeavesItToTheRota() {
        // SA-5: named before reception but not on duty → the rota decides, said so in the reason
        WalkInRule rule = WalkInRule.of(decision("SA-1", "demo-sales-1", "demo-sales-1", true,
                "SA-3: new customer; SA-5: named demo-sales-2, who is not on duty: the rota decides; SA-1: next in the rota"));
        assertThat(rule.notes()).containsExactly("walkIn.note.designatedAway");
        assertThat(WalkInRule.of(decision("SA-5", "demo-sales-2", "demo-sales-2", false,
                "SA-3: new customer; SA-5: named demo-sales-2 before reception: goes to that rep")).notes()).isEmpty();
    }

    @Test
    void lapsedAndUnrecalledVisitsAndReferralsAreNoted() {
        assertThat(WalkInRule.of(decision("SA-1", "a", "a", true,
                "SA-3: visited before, but registration g1 of demo-sales-2 lapsed on 2026-10-01: treated as new; SA-1: next in the rota"))
                .notes()).containsExactly("walkIn.note.lapsed");
        assertThat(WalkInRule.of(decision("SA-1", "a", "a", true,
                "SA-3: cannot recall a previous visit and none is registered: treated as new; SA-1: next in the rota"))
                .notes()).containsExactly("walkIn.note.cannotRecall");
        Map<String, Object> referred = decision("SA-1", "a", "a", true, "SA-3: new customer; SA-1: next in the rota; SA-6: referral f1 by demo-agent-1 confirmed on arrival");
        referred.put("referralId", "f1");
        assertThat(WalkInRule.of(referred).notes()).containsExactly("walkIn.note.referral");
    }

    @Test
    void aRuleTheConsoleDoesNotKnowStillSaysWhoReceives() {
        assertThat(WalkInRule.of(decision("SA-99", "a", "a", false, "something new")).key()).isEqualTo("walkIn.rule.other");
    }

    private static Map<String, Object> decision(String rule, String rep, String credited, boolean counted, String reason) {
        Map<String, Object> decision = new HashMap<>();
        decision.put("rule", rule);
        decision.put("repId", rep);
        decision.put("creditedRepId", credited);
        decision.put("countedAsTurn", counted);
        decision.put("reason", reason);
        return decision;
    }
}
