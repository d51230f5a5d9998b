package org.crmsuite.console.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The month grid of the visits calendar: whole weeks from Monday, visits on their day of the business calendar. */
class MonthGridTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aMonthIsShownInWholeWeeksFromMonday() {
        MonthGrid grid = MonthGrid.of(YearMonth.of(2026, 2)).place(List.of(), LocalDate.of(2026, 2, 17), SHANGHAI);

        assertThat(grid.first()).isEqualTo(LocalDate.of(2026, 1, 26));
        assertThat(grid.last()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(grid.days()).hasSize(35);
        assertThat(grid.days().get(0).inMonth()).isFalse();
        assertThat(grid.days().stream().filter(MonthGrid.Day::today).map(MonthGrid.Day::date))
                .containsExactly(LocalDate.of(2026, 2, 17));
        assertThat(grid.start(SHANGHAI)).hasToString("2026-01-25T16:00:00Z");
        assertThat(grid.end(SHANGHAI)).hasToString("2026-03-01T16:00:00Z");
    }

    @Test
    void visitsLandOnTheirDayInTheBusinessCalendarsZoneInTimeOrder() {
        MonthGrid.Entry late = MonthGrid.recorded(Map.of("id", "r-1", "customerName", "Acme Trading Co., Ltd.",
                "mode", "PHONE", "visitedAt", "2026-02-10T08:00:00Z"), SHANGHAI);
        MonthGrid.Entry early = MonthGrid.planned(Map.of("id", "p-1", "customerName", "上海宏达建设集团有限公司",
                "kind", "CADENCE", "plannedAt", "2026-02-09T17:30:00Z"), SHANGHAI);

        MonthGrid grid = MonthGrid.of(YearMonth.of(2026, 2)).place(List.of(late, early), LocalDate.of(2026, 2, 1), SHANGHAI);

        MonthGrid.Day tenth = grid.days().stream().filter(day -> day.date().equals(LocalDate.of(2026, 2, 10))).findFirst()
                .orElseThrow();
        assertThat(tenth.entries()).extracting(MonthGrid.Entry::id).containsExactly("p-1", "r-1");
        assertThat(tenth.entries()).extracting(MonthGrid.Entry::time).containsExactly("01:30", "16:00");
        assertThat(tenth.entries().get(0).labelKey()).isEqualTo("visits.kind.CADENCE");
        assertThat(tenth.entries().get(1).labelKey()).isEqualTo("visits.mode.PHONE");
    }
}
