package org.crmsuite.console.complaints;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * A time typed into {@code <input type="datetime-local">} ("2026-11-24T17:30") is read in the business calendar's
 * zone ({@link ComplaintScreenSettings#zone()}), which the form names next to the field.
 */
final class TypedTimes {

    private TypedTimes() {
    }

    /** {@code null} for a blank input; a {@link java.time.DateTimeException} for one the console cannot read. */
    static Instant instant(String typed, ZoneId zone) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        return LocalDateTime.parse(typed.trim()).atZone(zone).toInstant();
    }
}
