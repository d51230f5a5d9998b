package org.crmsuite.complaint.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.crmsuite.complaint.events.ComplaintEvents;
import org.crmsuite.platform.calendar.BusinessCalendar;
import org.crmsuite.platform.calendar.CalendarYear;
import org.crmsuite.platform.calendar.CalendarYearFormat;
import org.crmsuite.platform.events.AggregateRoot;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A business calendar as stored: zone, weekly hours, make-up day hours and the imported years. The arithmetic lives
 * in the platform's {@link BusinessCalendar}, built from this by {@link #toCalendar()}.
 */
@Document("calendars")
public class CalendarDocument extends AggregateRoot {

    private String name;
    private String zone;
    /** Weekday name → working intervals {@code HH:mm-HH:mm}. */
    private Map<String, List<String>> weeklyHours = new LinkedHashMap<>();
    private List<String> makeUpDayHours;
    /** Year ("2026") → that year's holidays and make-up days. */
    private Map<String, StoredYear> years = new TreeMap<>();
    private String updatedBy;

    public record StoredDay(String date, String name) {
    }

    public record StoredYear(int year, List<StoredDay> holidays, List<StoredDay> workingDays, String source,
            boolean assumption, Instant importedAt, String importedBy) {

        CalendarYear toYear() {
            return new CalendarYear(year, days(holidays), days(workingDays), source, assumption);
        }

        static StoredYear of(CalendarYear year, Instant at, String by) {
            return new StoredYear(year.year(), stored(year.holidays()), stored(year.workingDays()), year.source(),
                    year.assumption(), at, by);
        }

        private static List<CalendarYear.Day> days(List<StoredDay> days) {
            return days == null ? List.of() : days.stream().map(d -> new CalendarYear.Day(LocalDate.parse(d.date()), d.name())).toList();
        }

        private static List<StoredDay> stored(List<CalendarYear.Day> days) {
            return days.stream().map(d -> new StoredDay(d.date().toString(), d.name())).toList();
        }
    }

    protected CalendarDocument() {
    }

    /** A new calendar document from a built (so already checked) calendar. */
    static CalendarDocument of(BusinessCalendar calendar, Instant at, String by) {
        CalendarDocument document = new CalendarDocument();
        document.setId(calendar.id());
        // the years first: the calendar-changed event raised by define names them
        calendar.years().values().forEach(year -> document.years.put(String.valueOf(year.year()), StoredYear.of(year, at, by)));
        document.define(calendar, by);
        return document;
    }

    /** Replaces name, zone and hours (the years stay); the caller has checked {@code calendar} builds. */
    void define(BusinessCalendar calendar, String by) {
        this.name = calendar.name();
        this.zone = calendar.zone().getId();
        Map<String, List<String>> hours = new LinkedHashMap<>();
        calendar.hours().asMap().forEach((day, intervals) -> hours.put(day.name(), CalendarYearFormat.texts(intervals)));
        this.weeklyHours = hours;
        this.makeUpDayHours = CalendarYearFormat.texts(calendar.makeUpDayHours());
        this.updatedBy = by;
        raiseChanged(by);
    }

    void importYear(CalendarYear year, Instant at, String by) {
        years.put(String.valueOf(year.year()), StoredYear.of(year, at, by));
        this.updatedBy = by;
        raiseChanged(by);
    }

    /** Adds a shipped year the stored calendar does not have yet; never overwrites an import. */
    boolean addShippedYearIfMissing(CalendarYear year, Instant at) {
        if (years.containsKey(String.valueOf(year.year()))) {
            return false;
        }
        years.put(String.valueOf(year.year()), StoredYear.of(year, at, "shipped"));
        raiseChanged("shipped");
        return true;
    }

    private void raiseChanged(String by) {
        raise(ComplaintEvents.CALENDAR_CHANGED, new ComplaintEvents.CalendarChanged(getId(), zone,
                years.keySet().stream().map(Integer::valueOf).toList(), by));
    }

    public BusinessCalendar toCalendar() {
        BusinessCalendar.Builder builder = BusinessCalendar.builder(getId()).name(name).zone(ZoneId.of(zone))
                .hours(CalendarYearFormat.weeklyHours(weeklyHoursByDay()))
                .makeUpDayHours(makeUpDayHours == null ? null : CalendarYearFormat.intervals(makeUpDayHours));
        years.values().forEach(year -> builder.year(year.toYear()));
        return builder.build();
    }

    Map<DayOfWeek, List<String>> weeklyHoursByDay() {
        Map<DayOfWeek, List<String>> byDay = new EnumMap<>(DayOfWeek.class);
        weeklyHours.forEach((day, intervals) -> byDay.put(DayOfWeek.valueOf(day), new ArrayList<>(intervals)));
        return byDay;
    }

    public String getName() {
        return name;
    }

    public String getZone() {
        return zone;
    }

    public List<String> getMakeUpDayHours() {
        return makeUpDayHours;
    }

    public Map<String, StoredYear> getYears() {
        return years;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}
