package org.crmsuite.platform.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One year of a calendar's exceptions, as a government publishes them: public holidays (days off although they
 * are weekdays) and make-up working days (调休: weekend days declared working). Read from the JSON format of
 * {@link CalendarYearFormat}.
 *
 * @param year the calendar year every date belongs to
 * @param holidays days off
 * @param workingDays make-up working days
 * @param source where the dates come from (a notice, a URL), for the people who check them
 * @param assumption true when the dates are not (yet) official but a reasoned guess, to be replaced by an import
 */
public record CalendarYear(int year, List<Day> holidays, List<Day> workingDays, String source, boolean assumption) {

    /** A named date: {@code 2026-10-01 国庆节 National Day}. */
    public record Day(LocalDate date, String name) {
        public Day {
            if (date == null) {
                throw new IllegalArgumentException("a calendar day needs a date");
            }
        }
    }

    public CalendarYear {
        holidays = sorted(holidays);
        workingDays = sorted(workingDays);
        Set<LocalDate> seen = new HashSet<>();
        for (Day day : holidays) {
            requireInYear(year, day);
            if (!seen.add(day.date())) {
                throw new IllegalArgumentException(day.date() + " is listed twice as a holiday");
            }
        }
        for (Day day : workingDays) {
            requireInYear(year, day);
            if (seen.contains(day.date())) {
                throw new IllegalArgumentException(day.date() + " cannot be both a holiday and a make-up working day");
            }
            if (!seen.add(day.date())) {
                throw new IllegalArgumentException(day.date() + " is listed twice as a make-up working day");
            }
        }
    }

    private static List<Day> sorted(List<Day> days) {
        List<Day> copy = new ArrayList<>(days == null ? List.of() : days);
        copy.sort((a, b) -> a.date().compareTo(b.date()));
        return List.copyOf(copy);
    }

    private static void requireInYear(int year, Day day) {
        if (day.date().getYear() != year) {
            throw new IllegalArgumentException(day.date() + " is not in " + year);
        }
    }
}
