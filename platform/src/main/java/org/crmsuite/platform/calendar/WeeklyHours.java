package org.crmsuite.platform.calendar;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Working hours per weekday: several intervals a day (a lunch break is the gap between two), none on a day off.
 * Sorted and checked for overlaps on construction.
 */
public final class WeeklyHours {

    private final Map<DayOfWeek, List<WorkingInterval>> days;

    private WeeklyHours(Map<DayOfWeek, List<WorkingInterval>> days) {
        EnumMap<DayOfWeek, List<WorkingInterval>> copy = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            copy.put(day, sortedWithoutOverlaps(day, days.getOrDefault(day, List.of())));
        }
        this.days = Collections.unmodifiableMap(copy);
    }

    public static WeeklyHours of(Map<DayOfWeek, List<WorkingInterval>> days) {
        return new WeeklyHours(days);
    }

    /** Monday to Friday 09:00-12:00 and 13:30-18:00: the suite's default office hours. */
    public static WeeklyHours officeHours() {
        return mondayToFriday(WorkingInterval.of("09:00", "12:00"), WorkingInterval.of("13:30", "18:00"));
    }

    public static WeeklyHours mondayToFriday(WorkingInterval... intervals) {
        Map<DayOfWeek, List<WorkingInterval>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            days.put(day, List.of(intervals));
        }
        return new WeeklyHours(days);
    }

    /** Every hour of every day: for policies that run "24×7" instead of on business hours. */
    public static WeeklyHours aroundTheClock() {
        Map<DayOfWeek, List<WorkingInterval>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day, List.of(WorkingInterval.of("00:00", "24:00")));
        }
        return new WeeklyHours(days);
    }

    public List<WorkingInterval> on(DayOfWeek day) {
        return days.get(day);
    }

    public boolean isWorking(DayOfWeek day) {
        return !days.get(day).isEmpty();
    }

    public Map<DayOfWeek, List<WorkingInterval>> asMap() {
        return days;
    }

    /** The hours of the first weekday (Monday first) that has any: what a make-up working day works by default. */
    public List<WorkingInterval> firstWorkingDayHours() {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (isWorking(day)) {
                return days.get(day);
            }
        }
        return List.of();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WeeklyHours that && days.equals(that.days);
    }

    @Override
    public int hashCode() {
        return days.hashCode();
    }

    @Override
    public String toString() {
        return days.toString();
    }

    static List<WorkingInterval> sortedWithoutOverlaps(Object where, List<WorkingInterval> intervals) {
        List<WorkingInterval> sorted = new ArrayList<>(intervals);
        Collections.sort(sorted);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                throw new IllegalArgumentException("working intervals overlap on " + where + ": " + sorted.get(i - 1)
                        + " and " + sorted.get(i));
            }
        }
        return List.copyOf(sorted);
    }
}
