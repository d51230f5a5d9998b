package org.crmsuite.sales.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** SA-4 in memory: the first valid registration wins; calls never own; superseded entries do not count. */
class OwnershipWindowTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

    private static Registration entry(String id, Registration.Kind kind, String rep, int daysAgo, int months) {
        Instant at = NOW.minusSeconds(86_400L * daysAgo);
        Registration r = Registration.of(new Registration.Entry("o", "p", "d", kind, Registration.Origin.RECEPTION, "v",
                "13800000000", null, rep, rep, null, at, OwnershipWindow.validUntil(at, months, SHANGHAI),
                LocalDate.of(2026, 3, 2), null, "t"));
        r.setId(id);
        return r;
    }

    @Test
    void theFirstValidRegistrationWins_SA4() {
        var found = OwnershipWindow.find(List.of(entry("late", Registration.Kind.VISIT, "b", 5, 1),
                entry("early", Registration.Kind.VISIT, "a", 20, 1)), Set.of(), NOW);
        assertThat(found.owner()).get().extracting(Registration::repId).isEqualTo("a");
    }

    @Test
    void aRegistrationOwnsForItsValidityOnly_SA4() {
        assertThat(OwnershipWindow.find(List.of(entry("old", Registration.Kind.VISIT, "a", 25, 1)), Set.of(), NOW).owner())
                .isPresent();
        var lapsed = OwnershipWindow.find(List.of(entry("old", Registration.Kind.VISIT, "a", 32, 1)), Set.of(), NOW);
        assertThat(lapsed.owner()).isEmpty();
        assertThat(lapsed.lapsed()).get().extracting(Registration::getId).isEqualTo("old");
        // two months in some offices (policy)
        assertThat(OwnershipWindow.find(List.of(entry("old", Registration.Kind.VISIT, "a", 45, 2)), Set.of(), NOW).owner())
                .isPresent();
    }

    @Test
    void callsNeverEstablishOwnershipAndSupersededEntriesDoNotCount_SA4() {
        assertThat(OwnershipWindow.find(List.of(entry("call", Registration.Kind.CALL, "a", 1, 1)), Set.of(), NOW).owner())
                .isEmpty();
        var found = OwnershipWindow.find(List.of(entry("first", Registration.Kind.VISIT, "a", 10, 1),
                entry("moved", Registration.Kind.VISIT, "b", 2, 1)), Set.of("first"), NOW);
        assertThat(found.owner()).get().extracting(Registration::repId).isEqualTo("b");
    }
}
