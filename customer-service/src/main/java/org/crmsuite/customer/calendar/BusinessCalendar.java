package org.crmsuite.customer.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.crmsuite.customer.policy.CustomerSettings;
import org.crmsuite.platform.calendar.CalendarYear;
import org.crmsuite.platform.calendar.ShippedCalendars;
import org.springframework.stereotype.Component;

/**
 * The business calendar (工作日历) for this service's deadlines stated in business days, in the tenant's time zone
 * (default Asia/Shanghai). The day arithmetic is the suite's calendar library ({@code platform.calendar}) on its
 * shipped default calendar; when {@code crm.customer.calendar.holidays} / {@code make-up-working-days} are set,
 * those days replace the shipped ones (an office with its own arrangement, and the tests).
 */
@Component
public class BusinessCalendar {

    private final ZoneId zone;
    private final org.crmsuite.platform.calendar.BusinessCalendar days;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    public BusinessCalendar(CustomerSettings settings, Clock clock) {
        this(settings.calendar(), clock);
    }

    public BusinessCalendar(CustomerSettings.Calendar calendar, Clock clock) {
        this.zone = calendar.zone() == null ? ZoneId.of("Asia/Shanghai") : calendar.zone();
        this.days = days(calendar, zone);
        this.clock = clock;
    }

    private static org.crmsuite.platform.calendar.BusinessCalendar days(CustomerSettings.Calendar calendar, ZoneId zone) {
        org.crmsuite.platform.calendar.BusinessCalendar shipped = ShippedCalendars.chinaMainland();
        if (calendar.holidays().isEmpty() && calendar.makeUpWorkingDays().isEmpty()) {
            return shipped.toBuilder().zone(zone).build();
        }
        var builder = org.crmsuite.platform.calendar.BusinessCalendar.builder("customer-service").zone(zone)
                .hours(shipped.hours()).makeUpDayHours(shipped.makeUpDayHours());
        Set<Integer> years = new TreeSet<>();
        calendar.holidays().forEach(d -> years.add(d.getYear()));
        calendar.makeUpWorkingDays().forEach(d -> years.add(d.getYear()));
        for (int year : years) {
            builder.year(new CalendarYear(year, inYear(calendar.holidays(), year, "holiday"),
                    inYear(calendar.makeUpWorkingDays(), year, "make-up working day"), "crm.customer.calendar", false));
        }
        return builder.build();
    }

    private static List<CalendarYear.Day> inYear(List<LocalDate> dates, int year, String name) {
        return dates.stream().filter(d -> d.getYear() == year).map(d -> new CalendarYear.Day(d, name)).toList();
    }

    public ZoneId zone() {
        return zone;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Today's date in the tenant's time zone. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public boolean isBusinessDay(LocalDate date) {
        return days.isWorkingDay(date);
    }

    /**
     * The same local time of day on the {@code days}-th business day after {@code from}'s date: a problem recorded
     * on Friday 10:00 with 5 business days is due the next Friday 10:00 (or later when holidays intervene).
     */
    public Instant plusBusinessDays(Instant from, int days) {
        ZonedDateTime local = from.atZone(zone);
        return local.with(this.days.nthWorkingDayAfter(local.toLocalDate(), days)).toInstant();
    }
}
