package org.crmsuite.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The business calendar's arithmetic (DOMAIN.md "Business calendar"; the deadlines of CO-3 and CO-5 are computed with
 * it). The Shanghai calendar has office hours 09:00-12:00 and 13:30-18:00 (UTC+8, so 09:00 is 01:00Z), a holiday week
 * Monday 5 – Friday 9 October 2026 and a make-up working Saturday 10 October.
 */
class BusinessCalendarTest {

    static final CalendarYear GOLDEN_WEEK = new CalendarYear(2026,
            List.of(day("2026-10-05"), day("2026-10-06"), day("2026-10-07"), day("2026-10-08"), day("2026-10-09")),
            List.of(day("2026-10-10")), "test", false);

    static final BusinessCalendar SHANGHAI = BusinessCalendar.builder("test-cn").year(GOLDEN_WEEK).build();

    static CalendarYear.Day day(String date) {
        return new CalendarYear.Day(LocalDate.parse(date), null);
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @Nested
    @DisplayName("received on Friday evening before the holiday week (Fri 2 Oct 2026 19:30 +08:00)")
    class FridayEveningBeforeTheHolidayWeek {

        final Instant received = at("2026-10-02T11:30:00Z");

        @Test
        void oneBusinessHourIsTheFirstHourOfTheMakeUpSaturday() {
            // CO-3: acknowledge within 1 business hour → Sat 10 Oct 10:00 +08:00
            assertThat(SHANGHAI.addBusinessHours(received, 1)).isEqualTo(at("2026-10-10T02:00:00Z"));
        }

        @Test
        void oneBusinessDayIsTheEndOfTheMakeUpSaturday() {
            // CO-3: accept within 1 business day → Sat 10 Oct 18:00 +08:00
            assertThat(SHANGHAI.addBusinessDays(received, 1, DayEnd.END_OF_DAY)).isEqualTo(at("2026-10-10T10:00:00Z"));
        }

        @Test
        void threeAndSevenBusinessDaysSkipTheHolidayWeekAndTheSunday() {
            // CO-5: L2 3 days → Sat 10, Mon 12, Tue 13 Oct 18:00; L3 7 days → … Mon 19 Oct 18:00
            assertThat(SHANGHAI.addBusinessDays(received, 3, DayEnd.END_OF_DAY)).isEqualTo(at("2026-10-13T10:00:00Z"));
            assertThat(SHANGHAI.addBusinessDays(received, 7, DayEnd.END_OF_DAY)).isEqualTo(at("2026-10-19T10:00:00Z"));
        }

        @Test
        void sameTimePolicyKeepsTheClockTimeOfReceipt() {
            assertThat(SHANGHAI.addBusinessDays(received, 1, DayEnd.SAME_TIME)).isEqualTo(at("2026-10-10T11:30:00Z"));
        }

        @Test
        void onlyWorkingTimeCountsBetweenFridayAfternoonAndTheMakeUpSaturday() {
            Instant fridayFivePm = at("2026-10-02T09:00:00Z");
            Instant saturdayTenAm = at("2026-10-10T02:00:00Z");
            assertThat(SHANGHAI.between(fridayFivePm, saturdayTenAm)).isEqualTo(Duration.ofHours(2));
            assertThat(SHANGHAI.between(saturdayTenAm, fridayFivePm)).isEqualTo(Duration.ofHours(-2));
        }
    }

    @Nested
    @DisplayName("received on the make-up Saturday (Sat 10 Oct 2026 11:30 +08:00)")
    class OnTheMakeUpSaturday {

        final Instant received = at("2026-10-10T03:30:00Z");

        @Test
        void oneBusinessHourRunsOverTheLunchBreak() {
            // 11:30-12:00, then 13:30-14:00
            assertThat(SHANGHAI.addBusinessHours(received, 1)).isEqualTo(at("2026-10-10T06:00:00Z"));
        }

        @Test
        void oneBusinessDayIsTheEndOfMonday() {
            assertThat(SHANGHAI.addBusinessDays(received, 1, DayEnd.END_OF_DAY)).isEqualTo(at("2026-10-12T10:00:00Z"));
        }

        @Test
        void theMakeUpSaturdayIsAWorkingDayAndTheHolidaysAreNot() {
            assertThat(SHANGHAI.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();
            assertThat(SHANGHAI.isWorkingDay(LocalDate.parse("2026-10-07"))).isFalse();
            assertThat(SHANGHAI.isWorkingDay(LocalDate.parse("2026-10-11"))).isFalse();
            assertThat(SHANGHAI.hoursOn(LocalDate.parse("2026-10-10"))).isEqualTo(WeeklyHours.officeHours().on(DayOfWeek.MONDAY));
        }
    }

    @Nested
    @DisplayName("received outside working hours")
    class OutsideWorkingHours {

        @Test
        void beforeOpeningTheHourStartsAtNine() {
            assertThat(SHANGHAI.addBusinessHours(at("2026-10-12T23:45:00Z"), 1)) // Tue 13 Oct 07:45
                    .isEqualTo(at("2026-10-13T02:00:00Z")); // 10:00
        }

        @Test
        void inTheLunchBreakTheHourStartsAtHalfPastOne() {
            assertThat(SHANGHAI.addBusinessHours(at("2026-10-13T04:40:00Z"), 1)) // Tue 12:40
                    .isEqualTo(at("2026-10-13T06:30:00Z")); // 14:30
        }

        @Test
        void lateFridayRunsIntoMonday() {
            assertThat(SHANGHAI.addBusinessHours(at("2026-10-16T09:30:00Z"), 1)) // Fri 16 Oct 17:30
                    .isEqualTo(at("2026-10-19T01:30:00Z")); // Mon 09:30
        }

        @Test
        void onASundayOneBusinessDayIsTheEndOfMonday() {
            assertThat(SHANGHAI.addBusinessDays(at("2026-10-11T02:00:00Z"), 1, DayEnd.END_OF_DAY))
                    .isEqualTo(at("2026-10-12T10:00:00Z"));
        }

        @Test
        void anIntervalEndIsItselfTheDeadline() {
            // 11:00 + 1 h is 12:00 sharp, not 13:30
            assertThat(SHANGHAI.addBusinessHours(at("2026-10-13T03:00:00Z"), 1)).isEqualTo(at("2026-10-13T04:00:00Z"));
        }

        @Test
        void aWholeWorkingDayIsSevenAndAHalfHours() {
            assertThat(SHANGHAI.between(at("2026-10-12T16:00:00Z"), at("2026-10-13T16:00:00Z")))
                    .isEqualTo(Duration.ofMinutes(450));
            assertThat(SHANGHAI.isWorkingTime(at("2026-10-13T04:30:00Z"))).isFalse(); // 12:30, lunch
            assertThat(SHANGHAI.isWorkingTime(at("2026-10-13T05:30:00Z"))).isTrue(); // 13:30
        }

        @Test
        void addingThenMeasuringGivesTheSameBusinessTime() {
            Instant start = at("2026-09-30T13:17:00Z");
            for (int minutes : new int[] { 1, 59, 90, 450, 451, 3000 }) {
                Instant end = SHANGHAI.add(start, Duration.ofMinutes(minutes));
                assertThat(SHANGHAI.between(start, end)).as("%d minutes", minutes).isEqualTo(Duration.ofMinutes(minutes));
            }
        }
    }

    @Nested
    @DisplayName("time zones with daylight saving (Europe/Berlin)")
    class DaylightSaving {

        final BusinessCalendar berlin = BusinessCalendar.builder("test-berlin").zone(ZoneId.of("Europe/Berlin"))
                .hours(WeeklyHours.mondayToFriday(WorkingInterval.of("09:00", "17:00"))).build();

        @Test
        void anHourFromFridayAfternoonIsMondayMorningLocalTimeAcrossTheSpringForwardWeekend() {
            // Fri 27 Mar 2026 16:30 CET (+01:00) → Mon 30 Mar 09:30 CEST (+02:00)
            assertThat(berlin.addBusinessHours(at("2026-03-27T15:30:00Z"), 1)).isEqualTo(at("2026-03-30T07:30:00Z"));
            assertThat(berlin.between(at("2026-03-27T15:00:00Z"), at("2026-03-30T08:00:00Z"))).isEqualTo(Duration.ofHours(2));
        }

        @Test
        void sameClockTimeOnTheNextBusinessDayFollowsTheNewOffset() {
            assertThat(berlin.addBusinessDays(at("2026-03-27T09:00:00Z"), 1, DayEnd.SAME_TIME)) // Fri 10:00 CET
                    .isEqualTo(at("2026-03-30T08:00:00Z")); // Mon 10:00 CEST
            assertThat(berlin.addBusinessDays(at("2026-10-23T08:00:00Z"), 1, DayEnd.END_OF_DAY)) // Fri 23 Oct 10:00 CEST
                    .isEqualTo(at("2026-10-26T16:00:00Z")); // Mon 26 Oct 17:00 CET
        }

        @Test
        void aroundTheClockBusinessTimeIsRealElapsedTime() {
            BusinessCalendar allDay = berlin.aroundTheClock();
            // Sat 28 Mar 12:00 CET + 24 h → Sun 29 Mar 13:00 CEST (the clocks skipped an hour)
            assertThat(allDay.add(at("2026-03-28T11:00:00Z"), Duration.ofHours(24))).isEqualTo(at("2026-03-29T11:00:00Z"));
            // Sat 24 Oct 12:00 CEST to Sun 25 Oct 12:00 CET is 25 real hours
            assertThat(allDay.between(at("2026-10-24T10:00:00Z"), at("2026-10-25T11:00:00Z"))).isEqualTo(Duration.ofHours(25));
        }

        @Test
        void anIntervalAcrossTheClockChangeIsShorterOrLongerInRealTime() {
            BusinessCalendar nightShift = BusinessCalendar.builder("test-night").zone(ZoneId.of("Europe/Berlin"))
                    .hours(WeeklyHours.of(Map.of(DayOfWeek.SUNDAY, List.of(WorkingInterval.of("01:00", "04:00"))))).build();
            assertThat(nightShift.between(at("2026-03-28T12:00:00Z"), at("2026-03-29T12:00:00Z"))).isEqualTo(Duration.ofHours(2));
            assertThat(nightShift.between(at("2026-10-24T12:00:00Z"), at("2026-10-25T12:00:00Z"))).isEqualTo(Duration.ofHours(4));
        }

        @Test
        void aWeekLaterIsTheSameLocalTimeAfterTheClockChange() {
            assertThat(berlin.sameTimeDaysLater(at("2026-03-27T09:00:00Z"), 7)).isEqualTo(at("2026-04-03T08:00:00Z"));
        }
    }

    @Nested
    class Validation {

        @Test
        void aMakeUpWorkingDayMustBeADayOff() {
            CalendarYear weekdayAsMakeUp = new CalendarYear(2026, List.of(), List.of(day("2026-10-12")), null, false);
            assertThatThrownBy(() -> SHANGHAI.withYear(weekdayAsMakeUp)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("2026-10-12 is a MONDAY");
        }

        @Test
        void aDateCannotBeHolidayAndWorkingDay() {
            assertThatThrownBy(() -> new CalendarYear(2026, List.of(day("2026-10-10")), List.of(day("2026-10-10")), null, false))
                    .hasMessageContaining("both a holiday and a make-up working day");
        }

        @Test
        void overlappingIntervalsAreRefused() {
            assertThatThrownBy(() -> WeeklyHours.mondayToFriday(WorkingInterval.of("09:00", "12:00"),
                    WorkingInterval.of("11:00", "13:00"))).hasMessageContaining("overlap");
        }

        @Test
        void aCalendarWithoutWorkingTimeSaysSoInsteadOfLoopingForever() {
            BusinessCalendar never = BusinessCalendar.builder("never").hours(WeeklyHours.of(Map.of())).build();
            assertThatThrownBy(() -> never.addBusinessHours(at("2026-10-12T00:00:00Z"), 1))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("no working time");
        }

        @Test
        void importingAYearReplacesOnlyThatYear() {
            CalendarYear next = new CalendarYear(2027, List.of(day("2027-01-01")), List.of(), null, false);
            BusinessCalendar both = SHANGHAI.withYear(next);
            assertThat(both.years()).containsOnlyKeys(2026, 2027);
            CalendarYear empty2026 = new CalendarYear(2026, List.of(), List.of(), null, false);
            assertThat(both.withYear(empty2026).isWorkingDay(LocalDate.parse("2026-10-07"))).isTrue();
            assertThat(both.withYear(empty2026).isWorkingDay(LocalDate.parse("2027-01-01"))).isFalse();
        }
    }
}
