package org.crmsuite.visit.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.crmsuite.platform.calendar.BusinessCalendar;
import org.crmsuite.platform.calendar.CalendarYear;
import org.crmsuite.platform.calendar.DayEnd;
import org.crmsuite.platform.calendar.ShippedCalendars;
import org.crmsuite.visit.VisitSettings;
import org.springframework.stereotype.Component;

/**
 * The business calendar (工作日历) of visit deadlines: the suite's shipped calendar {@code cn-default} (platform
 * {@code calendars/}) in the configured zone; when {@code crm.visit.calendar.holidays} / {@code make-up-working-days}
 * are set, those days replace the shipped ones. Deadlines in business days (VI-6) and the due-soon window (VI-7) are
 * computed here, never with {@code plusDays}.
 */
@Component
public class VisitCalendar {

    private final BusinessCalendar days;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    VisitCalendar(VisitSettings settings, Clock clock) {
        this(settings.calendar(), clock);
    }

    public VisitCalendar(VisitSettings.Calendar settings, Clock clock) {
        this.days = days(settings);
        this.clock = clock;
    }

    private static BusinessCalendar days(VisitSettings.Calendar settings) {
        BusinessCalendar shipped = ShippedCalendars.chinaMainland();
        if (settings.holidays().isEmpty() && settings.makeUpWorkingDays().isEmpty()) {
            return shipped.toBuilder().zone(settings.zone()).build();
        }
        var builder = BusinessCalendar.builder("visit-service").zone(settings.zone()).hours(shipped.hours())
                .makeUpDayHours(shipped.makeUpDayHours());
        Set<Integer> years = new TreeSet<>();
        settings.holidays().forEach(d -> years.add(d.getYear()));
        settings.makeUpWorkingDays().forEach(d -> years.add(d.getYear()));
        for (int year : years) {
            builder.year(new CalendarYear(year, inYear(settings.holidays(), year, "holiday"),
                    inYear(settings.makeUpWorkingDays(), year, "make-up working day"), "crm.visit.calendar", false));
        }
        return builder.build();
    }

    private static List<CalendarYear.Day> inYear(List<LocalDate> dates, int year, String name) {
        return dates.stream().filter(d -> d.getYear() == year).map(d -> new CalendarYear.Day(d, name)).toList();
    }

    public ZoneId zone() {
        return days.zone();
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return days.dateOf(clock.instant());
    }

    public LocalDate dateOf(Instant instant) {
        return days.dateOf(instant);
    }

    public boolean isWorkingDay(LocalDate date) {
        return days.isWorkingDay(date);
    }

    /** The end of work on the {@code n}-th business day after {@code from}'s date (VI-6: "within 3 days"). */
    public Instant endOfBusinessDaysAfter(Instant from, int n) {
        return days.addBusinessDays(from, n, DayEnd.END_OF_DAY);
    }

    /** The working day on or before {@code date}: a cadence date falling on a holiday or weekend is due the day before. */
    public LocalDate workingDayOnOrBefore(LocalDate date) {
        LocalDate day = date;
        for (int i = 0; i < 60 && !days.isWorkingDay(day); i++) {
            day = day.minusDays(1);
        }
        return day;
    }

    /** The end of work of a working day (its last interval's end); 18:00 local on a day without hours. */
    public Instant endOfWork(LocalDate date) {
        List<BusinessCalendar.Window> windows = days.windowsOn(date);
        return windows.isEmpty() ? ZonedDateTime.of(date, LocalTime.of(18, 0), zone()).toInstant()
                : windows.get(windows.size() - 1).end();
    }

    /** The start of work of a day (its first interval's start); 09:00 local on a day without hours. */
    public Instant startOfWork(LocalDate date) {
        List<BusinessCalendar.Window> windows = days.windowsOn(date);
        return windows.isEmpty() ? ZonedDateTime.of(date, LocalTime.of(9, 0), zone()).toInstant() : windows.get(0).start();
    }

    /** The instant a local date starts in the calendar's zone. */
    public Instant startOfDay(LocalDate date) {
        return date.atStartOfDay(zone()).toInstant();
    }
}
