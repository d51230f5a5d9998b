package org.crmsuite.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** The default calendar shipped as data: mainland China, 2026 (the official notice, checked) and 2027 (assumption). */
class ShippedCalendarsTest {

    final BusinessCalendar china = ShippedCalendars.chinaMainland();

    @Test
    void defaultCalendarRunsOnShanghaiOfficeHoursWithTwoYearsOfHolidays() {
        assertThat(china.id()).isEqualTo("cn-default");
        assertThat(china.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(china.years()).containsOnlyKeys(2026, 2027);
        assertThat(china.years().get(2026).assumption()).isFalse();
        assertThat(china.years().get(2027).assumption()).isTrue();
    }

    @Test
    void nationalDayWeekIsOffAndItsMakeUpSaturdayAndSundayAreWorked() {
        assertThat(china.isWorkingDay(LocalDate.parse("2026-10-01"))).isFalse();
        assertThat(china.isWorkingDay(LocalDate.parse("2026-10-07"))).isFalse();
        assertThat(china.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();
        assertThat(china.isWorkingDay(LocalDate.parse("2026-09-20"))).isTrue();
        assertThat(china.isWorkingDay(LocalDate.parse("2026-02-14"))).isTrue();
        assertThat(china.holiday(LocalDate.parse("2026-02-17"))).hasValueSatisfying(name -> assertThat(name).contains("春节"));
    }

    @Test
    void aComplaintReceivedTheEveningBeforeNationalDayIsDueAtTheEndOfTheFirstDayBack() {
        Instant wednesdayEvening = Instant.parse("2026-09-30T12:00:00Z"); // Wed 30 Sep 20:00 +08:00
        assertThat(china.addBusinessDays(wednesdayEvening, 1, DayEnd.END_OF_DAY))
                .isEqualTo(Instant.parse("2026-10-08T10:00:00Z")); // Thu 8 Oct 18:00
        assertThat(china.addBusinessHours(wednesdayEvening, 1)).isEqualTo(Instant.parse("2026-10-08T02:00:00Z"));
    }
}
