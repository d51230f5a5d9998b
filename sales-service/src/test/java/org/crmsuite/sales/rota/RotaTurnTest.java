package org.crmsuite.sales.rota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.crmsuite.platform.web.DomainException;
import org.junit.jupiter.api.Test;

/** SA-1 and SA-2 on a rota in memory: the round-robin and every kind of absence. */
class RotaTurnTest {

    private static final Instant AT = Instant.parse("2026-03-02T02:00:00Z");
    private int receptions;

    private Rota rota(String... reps) {
        return Rota.create("office", "dept", LocalDate.of(2026, 3, 2), List.of(reps), "manager");
    }

    private String next(Rota rota) {
        return rota.takeTurn("r" + receptions++, "visitor", null, null, null, 3, AT).repId();
    }

    private List<String> take(Rota rota, int n) {
        List<String> reps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            reps.add(next(rota));
        }
        return reps;
    }

    @Test
    void repsOnDutyTakeWalkInsInARollingRoundRobinAndTheNextStandsBy_SA1() {
        Rota rota = rota("a", "b", "c");
        assertThat(rota.next()).contains("a");
        assertThat(rota.standby()).contains("b");
        assertThat(take(rota, 7)).containsExactly("a", "b", "c", "a", "b", "c", "a");
        assertThat(rota.next()).contains("b");
        assertThat(rota.standby()).contains("c");
    }

    @Test
    void onlyTheManagersReorderChangesTheOrderAndNamesWhoIsNext_SA1() {
        Rota rota = rota("a", "b", "c");
        take(rota, 1);
        rota.reorder(List.of("c", "a", "b"), "a", "manager");
        assertThat(take(rota, 4)).containsExactly("a", "b", "c", "a");
        assertThatThrownBy(() -> rota.reorder(List.of("a", "a"), null, "m")).isInstanceOf(DomainException.class);
    }

    @Test
    void aRepDueButAbsentWithoutReasonLosesTheTurn_SA2() {
        Rota rota = rota("a", "b", "c");
        rota.mark("b", SlotState.ABSENT);
        assertThat(take(rota, 3)).containsExactly("a", "c", "a");
        rota.mark("b", SlotState.ON_DUTY);
        // back: no compensation, the rotation simply includes them again where it stands
        assertThat(take(rota, 3)).containsExactly("b", "c", "a");
        RotaSlot b = rota.slots().get(1);
        assertThat(b.turnsLost()).isEqualTo(1);
        assertThat(b.turnsTaken()).isEqualTo(1);
    }

    @Test
    void aRepBackFromTheManagersErrandGetsAPrioritySlot_SA2() {
        Rota rota = rota("a", "b", "c");
        rota.mark("a", SlotState.ERRAND);
        assertThat(take(rota, 2)).containsExactly("b", "c");
        rota.mark("a", SlotState.ON_DUTY);
        assertThat(rota.next()).contains("a");
        // the priority slot goes first; the round-robin then continues where it was (a is due anyway)
        assertThat(take(rota, 4)).containsExactly("a", "a", "b", "c");
        assertThat(rota.slots().get(0).turnsLost()).isZero();
    }

    @Test
    void aRepAwayOnCompanyBusinessIsOwedTheTurnsSkipped_SA2() {
        Rota rota = rota("a", "b", "c");
        rota.mark("c", SlotState.BUSINESS_TRIP);
        assertThat(take(rota, 5)).containsExactly("a", "b", "a", "b", "a");
        assertThat(rota.slots().get(2).owed()).isEqualTo(2);
        rota.mark("c", SlotState.ON_DUTY);
        // owed first (2), then the round-robin from where it stood (b)
        assertThat(take(rota, 5)).containsExactly("c", "c", "b", "c", "a");
        assertThat(rota.slots().get(2).owed()).isZero();
    }

    @Test
    void owedTurnsAreCappedByPolicy_SA2() {
        Rota rota = rota("a", "b");
        rota.mark("b", SlotState.BUSINESS_TRIP);
        for (int i = 0; i < 6; i++) {
            rota.takeTurn("x" + i, "v", null, null, null, 2, AT);
        }
        assertThat(rota.slots().get(1).owed()).isEqualTo(2);
    }

    @Test
    void turnsOutsideTheRotaDoNotMoveIt_SA3_SA5() {
        Rota rota = rota("a", "b", "c");
        take(rota, 1);
        rota.receiveOutsideTurn("o1", "c", "c", "SA-5", "designated", "v", null, AT);
        assertThat(rota.next()).contains("b");
        assertThat(rota.slots().get(2).notCounted()).isEqualTo(1);
        assertThat(rota.slots().get(2).turnsTaken()).isZero();
    }

    @Test
    void theCourtesyReceiverIsTheRepWhoTookTheLastTurn_SA3() {
        Rota rota = rota("a", "b", "c");
        assertThat(rota.courtesyReceiver()).contains("c");
        take(rota, 2);
        assertThat(rota.courtesyReceiver()).contains("b");
        rota.mark("b", SlotState.ABSENT);
        assertThat(rota.courtesyReceiver()).contains("c");
    }

    @Test
    void nobodyOnDutyIsAConflictNotATurn_SA1() {
        Rota rota = rota("a");
        rota.mark("a", SlotState.ABSENT);
        assertThatThrownBy(() -> next(rota)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo("rota.nobody-on-duty"));
    }
}
