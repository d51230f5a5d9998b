package org.crmsuite.notification.policy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Quiet hours of a recipient (policy, per-recipient override): non-urgent e-mail and SMS are deferred to their end;
 * urgent ones (SLA breach, L3) always go through. {@code start} after {@code end} spans midnight (22:00–08:00).
 */
public record QuietHours(@NotNull LocalTime start, @NotNull LocalTime end, @NotBlank String zone) {

    public boolean contains(Instant instant) {
        LocalTime time = instant.atZone(ZoneId.of(zone)).toLocalTime();
        if (start.equals(end)) {
            return false;
        }
        return start.isBefore(end) ? !time.isBefore(start) && time.isBefore(end) : !time.isBefore(start) || time.isBefore(end);
    }

    /** When the quiet period that {@code instant} falls in ends. */
    public Instant endAfter(Instant instant) {
        ZonedDateTime local = instant.atZone(ZoneId.of(zone));
        ZonedDateTime end = local.with(this.end);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return end.toInstant();
    }
}
