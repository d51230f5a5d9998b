package org.crmsuite.console.visits;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A month as the calendar shows it: whole weeks from Monday (the working week of the business calendar) with the
 * neighbouring months' days greyed, and on each day the visits planned for it and the visits recorded on it, in
 * time order. Days are the business calendar's ({@link VisitScreenSettings#zone()}), not the server's.
 */
record MonthGrid(YearMonth month, LocalDate first, LocalDate last, List<Day> days) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** One cell of the grid. */
    record Day(LocalDate date, boolean inMonth, boolean today, List<Entry> entries) {
    }

    /**
     * A visit on a day.
     *
     * @param type       {@code planned} (an open plan, placed on its planned time) or {@code recorded} (a visit record)
     * @param id         the plan's or the record's id
     * @param labelKey   message key of what it is: the plan's kind or the visit's mode
     * @param label      the API's value itself, shown when the console has no words for it
     */
    record Entry(String type, String id, String customerId, String customerName, Instant at, String time,
            String labelKey, String label) {

        public boolean planned() {
            return "planned".equals(type);
        }
    }

    static MonthGrid of(YearMonth month) {
        LocalDate first = month.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = month.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        return new MonthGrid(month, first, last, List.of());
    }

    /** The first instant of the grid's first day, in the business calendar's zone. */
    Instant start(ZoneId zone) {
        return first.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the grid's last day. */
    Instant end(ZoneId zone) {
        return last.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The grid with these visits on their days (those outside the grid are left out). */
    MonthGrid place(List<Entry> entries, LocalDate today, ZoneId zone) {
        Map<LocalDate, List<Entry>> byDay = new LinkedHashMap<>();
        entries.stream().filter(entry -> entry.at() != null).sorted(Comparator.comparing(Entry::at))
                .forEach(entry -> byDay.computeIfAbsent(entry.at().atZone(zone).toLocalDate(), day -> new ArrayList<>())
                        .add(entry));
        List<Day> days = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            days.add(new Day(date, YearMonth.from(date).equals(month), date.equals(today),
                    List.copyOf(byDay.getOrDefault(date, List.of()))));
        }
        return new MonthGrid(month, first, last, List.copyOf(days));
    }

    /** An open plan, on the day it is planned for. */
    static Entry planned(Map<?, ?> plan, ZoneId zone) {
        Instant at = DueVisit.instant(plan.get("plannedAt"));
        String kind = DueVisit.text(plan.get("kind"));
        return new Entry("planned", DueVisit.text(plan.get("id")), DueVisit.text(plan.get("customerId")),
                DueVisit.text(plan.get("customerName")), at, at == null ? "" : TIME.format(at.atZone(zone)),
                "visits.kind." + kind, kind);
    }

    /** A visit record, on the day of the visit. */
    static Entry recorded(Map<?, ?> record, ZoneId zone) {
        Instant at = DueVisit.instant(record.get("visitedAt"));
        String mode = DueVisit.text(record.get("mode"));
        return new Entry("recorded", DueVisit.text(record.get("id")), DueVisit.text(record.get("customerId")),
                DueVisit.text(record.get("customerName")), at, at == null ? "" : TIME.format(at.atZone(zone)),
                "visits.mode." + mode, mode);
    }
}
