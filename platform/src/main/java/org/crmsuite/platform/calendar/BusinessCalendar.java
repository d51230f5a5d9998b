package org.crmsuite.platform.calendar;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A business calendar (工作日历, DOMAIN.md "Business calendar"): a time zone, working hours per weekday, public
 * holidays and make-up working days (调休), and the arithmetic every deadline of the suite is computed with.
 * <p>
 * Business time is real elapsed time inside working intervals: one business hour is sixty real minutes of working
 * time, so a day whose clocks jump (DST) simply has an interval that is an hour shorter or longer in real time. Local
 * times that do not exist (the spring-forward gap) are moved later by the length of the gap, as
 * {@link ZonedDateTime#of} does; times that exist twice (fall-back) take the earlier offset.
 * <p>
 * Immutable and thread-safe. Pure Java: no Spring, no database; services keep the data and build one of these.
 */
public final class BusinessCalendar {

    /** How far a calculation may look ahead before deciding the calendar has no working time at all. */
    private static final int MAX_DAYS_SCANNED = 3700;

    private final String id;
    private final String name;
    private final ZoneId zone;
    private final WeeklyHours hours;
    private final List<WorkingInterval> makeUpDayHours;
    private final SortedMap<Integer, CalendarYear> years;
    private final Map<LocalDate, String> holidays;
    private final Map<LocalDate, String> makeUpDays;

    private BusinessCalendar(Builder builder) {
        this.id = Objects.requireNonNull(builder.id, "id");
        this.name = builder.name == null ? builder.id : builder.name;
        this.zone = Objects.requireNonNull(builder.zone, "zone");
        this.hours = Objects.requireNonNull(builder.hours, "hours");
        this.makeUpDayHours = builder.makeUpDayHours == null ? hours.firstWorkingDayHours()
                : WeeklyHours.sortedWithoutOverlaps("make-up working days", builder.makeUpDayHours);
        TreeMap<Integer, CalendarYear> byYear = new TreeMap<>(builder.years);
        this.years = Collections.unmodifiableSortedMap(byYear);
        TreeMap<LocalDate, String> off = new TreeMap<>();
        TreeMap<LocalDate, String> on = new TreeMap<>();
        for (CalendarYear year : byYear.values()) {
            for (CalendarYear.Day day : year.holidays()) {
                off.put(day.date(), day.name());
            }
            for (CalendarYear.Day day : year.workingDays()) {
                if (hours.isWorking(day.date().getDayOfWeek())) {
                    throw new IllegalArgumentException(day.date() + " is a " + day.date().getDayOfWeek()
                            + ", already a working day of calendar " + id + "; a make-up working day must be a day off");
                }
                on.put(day.date(), day.name());
            }
        }
        if (!on.isEmpty() && makeUpDayHours.isEmpty()) {
            throw new IllegalArgumentException("calendar " + id + " has make-up working days but no hours to work on them");
        }
        this.holidays = Collections.unmodifiableMap(off);
        this.makeUpDays = Collections.unmodifiableMap(on);
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** The same calendar with one year's holidays and make-up days replaced by {@code year}'s (an import). */
    public BusinessCalendar withYear(CalendarYear year) {
        Builder builder = toBuilder();
        builder.years.put(year.year(), year);
        return builder.build();
    }

    /** The same zone with every hour of every day working and no holidays: for rules a policy runs 24×7. */
    public BusinessCalendar aroundTheClock() {
        return builder(id + "-24x7").name(name + " (24×7)").zone(zone).hours(WeeklyHours.aroundTheClock()).build();
    }

    public Builder toBuilder() {
        Builder builder = builder(id).name(name).zone(zone).hours(hours).makeUpDayHours(makeUpDayHours);
        years.values().forEach(builder::year);
        return builder;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public ZoneId zone() {
        return zone;
    }

    public WeeklyHours hours() {
        return hours;
    }

    public List<WorkingInterval> makeUpDayHours() {
        return makeUpDayHours;
    }

    /** The years whose holidays and make-up days this calendar knows; other years have weekly hours only. */
    public SortedMap<Integer, CalendarYear> years() {
        return years;
    }

    public Optional<String> holiday(LocalDate date) {
        return Optional.ofNullable(holidays.get(date));
    }

    public Optional<String> makeUpWorkingDay(LocalDate date) {
        return Optional.ofNullable(makeUpDays.get(date));
    }

    /** The calendar date of an instant in this calendar's zone. */
    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    public boolean isWorkingDay(LocalDate date) {
        return !hoursOn(date).isEmpty();
    }

    /** The working intervals of one date: none on a holiday, the make-up hours on a make-up working day. */
    public List<WorkingInterval> hoursOn(LocalDate date) {
        if (makeUpDays.containsKey(date)) {
            return makeUpDayHours;
        }
        if (holidays.containsKey(date)) {
            return List.of();
        }
        return hours.on(date.getDayOfWeek());
    }

    /** The working intervals of one date as instants, in order; empty on a day off. */
    public List<Window> windowsOn(LocalDate date) {
        List<WorkingInterval> intervals = hoursOn(date);
        List<Window> windows = new ArrayList<>(intervals.size());
        for (WorkingInterval interval : intervals) {
            Instant start = ZonedDateTime.of(date, interval.start(), zone).toInstant();
            Instant end = interval.untilMidnight() ? date.plusDays(1).atStartOfDay(zone).toInstant()
                    : ZonedDateTime.of(date, interval.end(), zone).toInstant();
            if (end.isAfter(start)) { // an interval lying wholly in a DST gap has no real time
                windows.add(new Window(start, end));
            }
        }
        return windows;
    }

    /**
     * {@code start} plus {@code businessTime} of working time. Time outside working intervals does not count: 1
     * business hour from Friday 20:00 is the next working day's first hour. A result exactly at the end of an
     * interval is that end (11:00 + 1 h with a 12:00 lunch break is 12:00, not 13:30).
     */
    public Instant add(Instant start, Duration businessTime) {
        Objects.requireNonNull(start, "start");
        if (businessTime.isNegative()) {
            throw new IllegalArgumentException("business time to add must not be negative: " + businessTime);
        }
        if (businessTime.isZero()) {
            return start;
        }
        Duration remaining = businessTime;
        LocalDate date = dateOf(start).minusDays(1); // a window of the day before may run past midnight (24:00 end)
        for (int scanned = 0; scanned < MAX_DAYS_SCANNED; scanned++, date = date.plusDays(1)) {
            for (Window window : windowsOn(date)) {
                if (!window.end().isAfter(start)) {
                    continue;
                }
                Instant from = window.start().isAfter(start) ? window.start() : start;
                Duration available = Duration.between(from, window.end());
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
        throw noWorkingTime();
    }

    /** {@code start} plus whole business hours. */
    public Instant addBusinessHours(Instant start, long hours) {
        return add(start, Duration.ofHours(hours));
    }

    /**
     * A deadline of {@code days} business days: on the {@code days}-th working day after the day of receipt (the
     * day of {@code start} in this zone, whether or not it is a working day), at that day's end of work or at the
     * clock time of receipt, as {@code dayEnd} says. Received Friday evening before a holiday week with a make-up
     * Saturday after it, 1 business day is that Saturday.
     */
    public Instant addBusinessDays(Instant start, int days, DayEnd dayEnd) {
        if (days < 1) {
            throw new IllegalArgumentException("business days to add must be at least 1: " + days);
        }
        ZonedDateTime received = start.atZone(zone);
        LocalDate due = nthWorkingDayAfter(received.toLocalDate(), days);
        if (dayEnd == DayEnd.SAME_TIME) {
            return ZonedDateTime.of(due, received.toLocalTime(), zone).toInstant();
        }
        List<Window> windows = windowsOn(due);
        return windows.get(windows.size() - 1).end();
    }

    /** The {@code n}-th working day after {@code day} (not counting {@code day} itself). */
    public LocalDate nthWorkingDayAfter(LocalDate day, int n) {
        LocalDate date = day;
        int counted = 0;
        for (int scanned = 0; counted < n; scanned++) {
            if (scanned > MAX_DAYS_SCANNED) {
                throw noWorkingTime();
            }
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /**
     * The working time between two instants: positive when {@code to} is later, negative when earlier. Friday 17:00
     * to Monday 10:00 with office hours 09:00-18:00 is 2 hours, whatever the clocks did over the weekend.
     */
    public Duration between(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return between(to, from).negated();
        }
        Duration total = Duration.ZERO;
        LocalDate last = dateOf(to);
        for (LocalDate date = dateOf(from).minusDays(1); !date.isAfter(last); date = date.plusDays(1)) {
            for (Window window : windowsOn(date)) {
                Instant start = window.start().isAfter(from) ? window.start() : from;
                Instant end = window.end().isBefore(to) ? window.end() : to;
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /** True when {@code instant} lies inside a working interval. */
    public boolean isWorkingTime(Instant instant) {
        for (Window window : windowsOn(dateOf(instant))) {
            if (!instant.isBefore(window.start()) && instant.isBefore(window.end())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The same local clock time {@code days} calendar days later, in this zone (DST-safe): for rules a policy
     * states in calendar days rather than business days, such as a weekly contact (CO-6).
     */
    public Instant sameTimeDaysLater(Instant start, int days) {
        try {
            return start.atZone(zone).plusDays(days).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private IllegalStateException noWorkingTime() {
        return new IllegalStateException("calendar " + id + " has no working time within " + MAX_DAYS_SCANNED + " days");
    }

    @Override
    public String toString() {
        return "BusinessCalendar[" + id + ", " + zone + ", years " + years.keySet() + "]";
    }

    /** A working interval of one date, as instants: start inclusive, end exclusive. */
    public record Window(Instant start, Instant end) {
    }

    public static final class Builder {
        private final String id;
        private String name;
        private ZoneId zone = ZoneId.of("Asia/Shanghai");
        private WeeklyHours hours = WeeklyHours.officeHours();
        private List<WorkingInterval> makeUpDayHours;
        private final TreeMap<Integer, CalendarYear> years = new TreeMap<>();

        private Builder(String id) {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("a calendar needs an id");
            }
            this.id = id;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder zone(ZoneId zone) {
            this.zone = zone;
            return this;
        }

        public Builder hours(WeeklyHours hours) {
            this.hours = hours;
            return this;
        }

        /** The hours of a make-up working day; by default those of the first weekday that has hours. */
        public Builder makeUpDayHours(List<WorkingInterval> intervals) {
            this.makeUpDayHours = intervals == null ? null : List.copyOf(intervals);
            return this;
        }

        public Builder year(CalendarYear year) {
            years.put(year.year(), year);
            return this;
        }

        public BusinessCalendar build() {
            return new BusinessCalendar(this);
        }
    }
}
