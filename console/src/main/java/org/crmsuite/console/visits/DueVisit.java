package org.crmsuite.console.visits;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * One open visit plan on the VI-7 board, as the page shows it: whose, what, planned and due when, and how far from
 * its deadline. The service decides what is overdue and what is due soon; the console only words the distance.
 *
 * @param daysOverdue calendar days past the deadline's day (0 while not yet overdue), as the service counts
 *                    {@code daysOverdue} in its overdue notices
 * @param remaining   the distance to the deadline as console.js words it ("1d 4h"), shown until the script ticks
 */
record DueVisit(String planId, String customerId, String customerName, String ownerId, String kind, String purpose,
        String plannedAt, String dueBy, LocalDate dueDate, long daysOverdue, String remaining) {

    static List<DueVisit> of(Object plans, Instant now, ZoneId zone) {
        if (!(plans instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).map(plan -> of((Map<?, ?>) plan, now, zone)).toList();
    }

    static DueVisit of(Map<?, ?> plan, Instant now, ZoneId zone) {
        Instant dueBy = instant(plan.get("dueBy"));
        LocalDate dueDate = dueBy == null ? null : dueBy.atZone(zone).toLocalDate();
        long daysOverdue = dueBy == null || !dueBy.isBefore(now) ? 0
                : Math.max(0, ChronoUnit.DAYS.between(dueDate, now.atZone(zone).toLocalDate()));
        return new DueVisit(text(plan.get("id")), text(plan.get("customerId")), text(plan.get("customerName")),
                text(plan.get("ownerId")), text(plan.get("kind")), text(plan.get("purpose")), text(plan.get("plannedAt")),
                text(plan.get("dueBy")), dueDate, daysOverdue, dueBy == null ? "" : remaining(Duration.between(now, dueBy)));
    }

    /** Like console.js's formatDuration, so the text does not jump when the script takes over. */
    static String remaining(Duration left) {
        long minutes = Math.abs(left.toMinutes());
        long days = minutes / 1440;
        long hours = (minutes % 1440) / 60;
        long mins = minutes % 60;
        if (days > 0) {
            return days + "d " + hours + "h";
        }
        if (hours > 0) {
            return hours + "h " + mins + "m";
        }
        return mins + "m " + Math.abs(left.toSeconds()) % 60 + "s";
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(String.valueOf(value));
        } catch (DateTimeParseException e) { // a field the service does not fill as documented: shown without a time
            return null;
        }
    }

    static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
