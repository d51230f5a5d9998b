package org.crmsuite.platform.calendar;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * One stretch of working time within a day, local time, start inclusive and end exclusive: {@code 09:00-12:00}.
 * An end of {@code 24:00} (held as {@link LocalTime#MIDNIGHT} with {@link #untilMidnight()}) means "to the end of
 * the day", so a 24×7 calendar is {@code 00:00-24:00} every day.
 */
public record WorkingInterval(LocalTime start, LocalTime end) implements Comparable<WorkingInterval> {

    public WorkingInterval {
        if (start == null || end == null) {
            throw new IllegalArgumentException("a working interval needs a start and an end");
        }
        if (!end.equals(LocalTime.MIDNIGHT) && !start.isBefore(end)) {
            throw new IllegalArgumentException("a working interval must end after it starts: " + start + "-" + end);
        }
    }

    public static WorkingInterval of(String start, String end) {
        return new WorkingInterval(parseTime(start), parseTime(end));
    }

    /** Parses {@code HH:mm-HH:mm}, the form calendar files use ({@code 24:00} allowed as the end). */
    public static WorkingInterval parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a working interval is written HH:mm-HH:mm");
        }
        String[] parts = text.trim().split("\\s*-\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a working interval is written HH:mm-HH:mm, not '" + text + "'");
        }
        return of(parts[0], parts[1]);
    }

    /** True when the interval runs to the end of the day (written {@code 24:00}). */
    public boolean untilMidnight() {
        return end.equals(LocalTime.MIDNIGHT);
    }

    public boolean overlaps(WorkingInterval other) {
        boolean thisEndsAfterOtherStarts = untilMidnight() || end.isAfter(other.start);
        boolean otherEndsAfterThisStarts = other.untilMidnight() || other.end.isAfter(start);
        return thisEndsAfterOtherStarts && otherEndsAfterThisStarts;
    }

    @Override
    public int compareTo(WorkingInterval other) {
        return start.compareTo(other.start);
    }

    @Override
    public String toString() {
        return start + "-" + (untilMidnight() ? "24:00" : end.toString());
    }

    private static LocalTime parseTime(String text) {
        String trimmed = text == null ? "" : text.trim();
        if ("24:00".equals(trimmed)) {
            return LocalTime.MIDNIGHT;
        }
        try {
            return LocalTime.parse(trimmed);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a time of day (HH:mm): '" + text + "'");
        }
    }
}
