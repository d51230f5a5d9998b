package org.crmsuite.customer.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

import org.crmsuite.customer.policy.CustomerSettings;
import org.springframework.stereotype.Component;

/**
 * The business calendar (工作日历) for deadlines stated in business days: Monday to Friday, minus public holidays, plus
 * make-up working days (调休), in the tenant's time zone (default Asia/Shanghai). Holidays and make-up days are the
 * settings {@code crm.customer.calendar.*}.
 * <p>
 * Why a local copy: complaint-service owns the suite's calendars ({@code /api/v1/calendars/**}); until it is
 * reachable by Feign, this service reads the same kind of data from its own configuration.
 */
@Component
public class BusinessCalendar {

    private final ZoneId zone;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpWorkingDays;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    public BusinessCalendar(CustomerSettings settings, Clock clock) {
        this(settings.calendar(), clock);
    }

    public BusinessCalendar(CustomerSettings.Calendar calendar, Clock clock) {
        this.zone = calendar.zone() == null ? ZoneId.of("Asia/Shanghai") : calendar.zone();
        this.holidays = Set.copyOf(calendar.holidays());
        this.makeUpWorkingDays = Set.copyOf(calendar.makeUpWorkingDays());
        this.clock = clock;
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
        if (makeUpWorkingDays.contains(date)) {
            return true;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
    }

    /**
     * The same local time of day on the {@code days}-th business day after {@code from}'s date: a problem recorded
     * on Friday 10:00 with 5 business days is due the next Friday 10:00 (or later when holidays intervene).
     */
    public Instant plusBusinessDays(Instant from, int days) {
        ZonedDateTime local = from.atZone(zone);
        LocalDate date = local.toLocalDate();
        int counted = 0;
        while (counted < days) {
            date = date.plusDays(1);
            if (isBusinessDay(date)) {
                counted++;
            }
        }
        return local.with(date).toInstant();
    }
}
