package org.crmsuite.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The documented year-file format of calendar imports (calendars/README.md). */
class CalendarYearFormatTest {

    @Test
    void rangesAreExpandedAndEveryDateIsKept() {
        CalendarYear year = CalendarYearFormat.readYear("""
                {
                  "format": "crm-calendar-year/1", "region": "CN", "year": 2026, "source": "test",
                  "holidays": [ { "from": "2026-10-01", "to": "2026-10-07", "name": "国庆节" },
                                { "date": "2026-01-01", "name": "元旦" } ],
                  "workingDays": [ { "date": "2026-10-10" } ]
                }
                """);
        assertThat(year.year()).isEqualTo(2026);
        assertThat(year.holidays()).hasSize(8);
        assertThat(year.holidays().get(0)).isEqualTo(new CalendarYear.Day(LocalDate.parse("2026-01-01"), "元旦"));
        assertThat(year.holidays().get(7).date()).isEqualTo(LocalDate.parse("2026-10-07"));
        assertThat(year.workingDays()).extracting(CalendarYear.Day::date).containsExactly(LocalDate.parse("2026-10-10"));
        assertThat(year.assumption()).isFalse();
    }

    @Test
    void writtenYearReadsBackTheSame() {
        CalendarYear year = ShippedCalendars.chinaMainland().years().get(2026);
        assertThat(CalendarYearFormat.readYear(CalendarYearFormat.writeYear(year, "CN"))).isEqualTo(year);
    }

    @Test
    void aMisspeltFieldIsRefusedRatherThanImportingNothing() {
        assertThatThrownBy(() -> CalendarYearFormat.readYear("{\"year\": 2026, \"holiday\": []}"))
                .isInstanceOf(CalendarFormatException.class).hasMessageContaining("holiday");
    }

    @Test
    void datesOutsideTheYearAreRefused() {
        assertThatThrownBy(() -> CalendarYearFormat.readYear("{\"year\": 2026, \"holidays\": [{\"date\": \"2027-01-01\"}]}"))
                .isInstanceOf(CalendarFormatException.class).hasMessageContaining("2027-01-01 is not in 2026");
    }

    @Test
    void anEntryNeedsADateOrARange() {
        assertThatThrownBy(() -> CalendarYearFormat.readYear("{\"year\": 2026, \"holidays\": [{\"from\": \"2026-10-01\"}]}"))
                .isInstanceOf(CalendarFormatException.class).hasMessageContaining("holidays[0]");
        assertThatThrownBy(() -> CalendarYearFormat.readYear(
                "{\"year\": 2026, \"holidays\": [{\"from\": \"2026-10-07\", \"to\": \"2026-10-01\"}]}"))
                .hasMessageContaining("is before from");
    }

    @Test
    void theYearIsRequiredAndTheFormatChecked() {
        assertThatThrownBy(() -> CalendarYearFormat.readYear("{\"holidays\": []}")).hasMessageContaining("year is required");
        assertThatThrownBy(() -> CalendarYearFormat.readYear("{\"format\": \"other/2\", \"year\": 2026}"))
                .hasMessageContaining("format must be crm-calendar-year/1");
        assertThatThrownBy(() -> CalendarYearFormat.readYear("not json")).isInstanceOf(CalendarFormatException.class);
    }
}
