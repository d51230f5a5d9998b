package org.crmsuite.complaint.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.crmsuite.complaint.access.Access;
import org.crmsuite.platform.calendar.BusinessCalendar;
import org.crmsuite.platform.calendar.CalendarFormatException;
import org.crmsuite.platform.calendar.CalendarYear;
import org.crmsuite.platform.calendar.CalendarYearFormat;
import org.crmsuite.platform.calendar.DayEnd;
import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.identity.Role;
import org.crmsuite.platform.web.DomainException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/calendars}: the business calendars every deadline of the suite is computed on. Anyone with a token
 * reads them and computes with them (other services too); an administrator defines calendars and imports years.
 */
@RestController
class CalendarController {

    private static final int MAX_DAYS_LISTED = 366;

    private final Calendars calendars;

    CalendarController(Calendars calendars) {
        this.calendars = calendars;
    }

    record CalendarSummary(String id, String name, String zone, List<Integer> years, Long version) {
    }

    record YearView(int year, String source, boolean assumption, List<CalendarDocument.StoredDay> holidays,
            List<CalendarDocument.StoredDay> workingDays, Instant importedAt, String importedBy) {
    }

    record CalendarView(String id, String name, String zone, Map<DayOfWeek, List<String>> weeklyHours,
            List<String> makeUpDayHours, List<YearView> years, Long version, Instant updatedAt, String updatedBy) {
    }

    /** @param version the version last read, required when replacing an existing calendar */
    record CalendarDefinition(@Size(max = 200) String name, @Size(max = 64) String zone,
            @NotNull Map<DayOfWeek, List<@Pattern(regexp = "\\d{2}:\\d{2}\\s*-\\s*\\d{2}:\\d{2}", message = "must be HH:mm-HH:mm") String>> weeklyHours,
            List<@Pattern(regexp = "\\d{2}:\\d{2}\\s*-\\s*\\d{2}:\\d{2}", message = "must be HH:mm-HH:mm") String> makeUpDayHours,
            Long version) {
    }

    record DayView(LocalDate date, DayOfWeek dayOfWeek, boolean working, List<String> hours, String holiday,
            String makeUpWorkingDay) {
    }

    record AddResult(String calendarId, Instant start, String added, Instant due) {
    }

    record BetweenResult(String calendarId, Instant from, Instant to, long businessMinutes, Duration businessTime) {
    }

    @GetMapping("/api/v1/calendars")
    List<CalendarSummary> list(Caller caller) {
        requireAuthenticated(caller);
        return calendars.all().stream().map(CalendarController::summary).toList();
    }

    @GetMapping("/api/v1/calendars/{id}")
    CalendarView get(@PathVariable String id, Caller caller) {
        requireAuthenticated(caller);
        return view(calendars.document(id));
    }

    @PutMapping("/api/v1/calendars/{id}")
    CalendarView define(@PathVariable @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "must be lower-case letters, digits and dashes") String id,
            @Valid @RequestBody CalendarDefinition body, Caller caller) {
        Access.require(caller.has(Role.ADMIN), "Only an administrator defines calendars");
        try {
            return view(calendars.define(id, body.name(), body.zone(), CalendarYearFormat.weeklyHours(body.weeklyHours()),
                    body.makeUpDayHours() == null ? null : CalendarYearFormat.intervals(body.makeUpDayHours()),
                    body.version(), caller.id()));
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest("calendar.invalid", e.getMessage());
        }
    }

    @GetMapping("/api/v1/calendars/{id}/years/{year}")
    CalendarYearFormat.YearFile year(@PathVariable String id, @PathVariable int year, Caller caller) {
        requireAuthenticated(caller);
        CalendarYear stored = calendars.calendar(id).years().get(year);
        if (stored == null) {
            throw DomainException.notFound("calendar-year", id + "/" + year);
        }
        return CalendarYearFormat.toFile(stored, null);
    }

    /** Imports one year in the documented year-file format ({@code calendars/README.md} of the platform). */
    @PutMapping("/api/v1/calendars/{id}/years/{year}")
    CalendarView importYear(@PathVariable String id, @PathVariable int year, @RequestBody CalendarYearFormat.YearFile body,
            @RequestParam(required = false) Long version, Caller caller) {
        Access.require(caller.has(Role.ADMIN), "Only an administrator imports calendar years");
        CalendarYear parsed;
        try {
            parsed = CalendarYearFormat.toYear(body);
        } catch (CalendarFormatException e) {
            throw DomainException.badRequest("calendar.invalid-year", e.getMessage());
        }
        if (parsed.year() != year) {
            throw DomainException.badRequest("calendar.invalid-year", "The file is for " + parsed.year() + ", not " + year);
        }
        return view(calendars.importYear(id, parsed, version, caller.id()));
    }

    @GetMapping("/api/v1/calendars/{id}/days")
    List<DayView> days(@PathVariable String id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Caller caller) {
        requireAuthenticated(caller);
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS_LISTED) {
            throw DomainException.badRequest("request.invalid", "from..to must be in order and span at most " + MAX_DAYS_LISTED + " days");
        }
        BusinessCalendar calendar = calendars.calendar(id);
        List<DayView> days = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            days.add(new DayView(date, date.getDayOfWeek(), calendar.isWorkingDay(date),
                    CalendarYearFormat.texts(calendar.hoursOn(date)), calendar.holiday(date).orElse(null),
                    calendar.makeUpWorkingDay(date).orElse(null)));
        }
        return days;
    }

    /** Adds business time: exactly one of {@code businessMinutes}, {@code businessHours}, {@code businessDays}. */
    @GetMapping("/api/v1/calendars/{id}/add")
    AddResult add(@PathVariable String id, @RequestParam Instant start,
            @RequestParam(required = false) @Min(0) @Max(100_000) Long businessMinutes,
            @RequestParam(required = false) @Min(0) @Max(10_000) Long businessHours,
            @RequestParam(required = false) @Min(1) @Max(3_000) Integer businessDays,
            @RequestParam(defaultValue = "END_OF_DAY") DayEnd dayEnd, Caller caller) {
        requireAuthenticated(caller);
        long given = java.util.stream.Stream.of(businessMinutes, businessHours, businessDays).filter(v -> v != null).count();
        if (given != 1) {
            throw DomainException.badRequest("request.invalid", "Give exactly one of businessMinutes, businessHours, businessDays");
        }
        BusinessCalendar calendar = calendars.calendar(id);
        if (businessDays != null) {
            return new AddResult(id, start, businessDays + " business days (" + dayEnd + ")",
                    calendar.addBusinessDays(start, businessDays, dayEnd));
        }
        Duration time = businessMinutes != null ? Duration.ofMinutes(businessMinutes) : Duration.ofHours(businessHours);
        return new AddResult(id, start, time.toString(), calendar.add(start, time));
    }

    @GetMapping("/api/v1/calendars/{id}/between")
    BetweenResult between(@PathVariable String id, @RequestParam Instant from, @RequestParam Instant to, Caller caller) {
        requireAuthenticated(caller);
        Duration time = calendars.calendar(id).between(from, to);
        return new BetweenResult(id, from, to, time.toMinutes(), time);
    }

    private static void requireAuthenticated(Caller caller) {
        Access.require(!caller.isAnonymous(), "A token is required");
    }

    private static CalendarSummary summary(CalendarDocument document) {
        return new CalendarSummary(document.getId(), document.getName(), document.getZone(),
                document.getYears().keySet().stream().map(Integer::valueOf).toList(), document.getVersion());
    }

    private static CalendarView view(CalendarDocument document) {
        List<YearView> years = document.getYears().values().stream()
                .map(y -> new YearView(y.year(), y.source(), y.assumption(), y.holidays(), y.workingDays(), y.importedAt(),
                        y.importedBy()))
                .toList();
        return new CalendarView(document.getId(), document.getName(), document.getZone(), document.weeklyHoursByDay(),
                document.getMakeUpDayHours(), years, document.getVersion(), document.getUpdatedAt(), document.getUpdatedBy());
    }
}
