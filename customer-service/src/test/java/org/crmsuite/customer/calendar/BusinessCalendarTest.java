package org.crmsuite.customer.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.crmsuite.customer.policy.CustomerSettings;
import org.junit.jupiter.api.Test;

/** Business days for CU-6's downgrade deadline: weekends and holidays skipped, make-up working days (调休) counted. */
class BusinessCalendarTest {

    final BusinessCalendar calendar = new BusinessCalendar(new CustomerSettings.Calendar(ZoneId.of("Asia/Shanghai"),
            List.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 5)),
            List.of(LocalDate.of(2026, 10, 10))), Clock.fixed(Instant.parse("2026-09-30T02:00:00Z"), ZoneOffset.UTC));

    @Test
    void fiveBusinessDaysSkipTheWeekend_CU6() {
        // Friday 2 March 2029... use a plain week: Thursday 2026-09-17 10:00 -> Thursday 2026-09-24 10:00
        assertThat(calendar.plusBusinessDays(Instant.parse("2026-09-17T02:00:00Z"), 5))
                .isEqualTo(Instant.parse("2026-09-24T02:00:00Z"));
    }

    @Test
    void holidaysAreSkippedAndMakeUpDaysCount_CU6() {
        // Wed 30 Sep; Oct 1, 2 holidays, 3-4 weekend, 5 holiday; 6, 7, 8, 9 work; Sat 10 is a make-up working day
        assertThat(calendar.plusBusinessDays(Instant.parse("2026-09-30T02:00:00Z"), 5))
                .isEqualTo(Instant.parse("2026-10-10T02:00:00Z"));
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 10, 1))).isFalse();
        assertThat(calendar.today()).isEqualTo(LocalDate.of(2026, 9, 30));
    }

    @Test
    void theDateIsTakenInTheTenantsTimeZone() {
        // 23:30 UTC on the 17th is already Friday the 18th in Shanghai
        assertThat(calendar.plusBusinessDays(Instant.parse("2026-09-17T23:30:00Z"), 1))
                .isEqualTo(Instant.parse("2026-09-20T23:30:00Z"));
    }
}
