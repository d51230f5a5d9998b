package org.crmsuite.platform.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON formats of calendar data (documented in {@code calendars/README.md} next to the shipped files).
 * <p>
 * A <b>year file</b> ({@code "format": "crm-calendar-year/1"}) holds one year's public holidays and make-up working
 * days, as a government publishes them; importing it replaces that year of a calendar:
 * <pre>{@code
 * {
 *   "format": "crm-calendar-year/1",
 *   "region": "CN",
 *   "year": 2026,
 *   "source": "State Council notice …",
 *   "assumption": false,
 *   "holidays": [
 *     { "date": "2026-01-01", "name": "元旦 New Year's Day" },
 *     { "from": "2026-10-01", "to": "2026-10-07", "name": "国庆节 National Day" }
 *   ],
 *   "workingDays": [
 *     { "date": "2026-10-10", "name": "国庆节调休 make-up working day" }
 *   ]
 * }
 * }</pre>
 * An entry is one {@code date} or a range {@code from}…{@code to} (inclusive, at most 31 days). Every date must lie
 * in {@code year}; a date may not be both a holiday and a working day; unknown fields are refused (a misspelt
 * {@code "holiday"} would otherwise import nothing). {@code format}, {@code region}, {@code source},
 * {@code assumption} and {@code notes} are optional.
 * <p>
 * A <b>calendar file</b> ({@code "format": "crm-calendar/1"}) defines a calendar: id, name, zone, weekly hours as
 * {@code "HH:mm-HH:mm"} strings per weekday, optional make-up day hours, and the year files it includes.
 */
public final class CalendarYearFormat {

    public static final String YEAR_FORMAT = "crm-calendar-year/1";
    public static final String CALENDAR_FORMAT = "crm-calendar/1";
    private static final int MAX_RANGE_DAYS = 31;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private CalendarYearFormat() {
    }

    /** One entry of a year file: a single {@code date} or a range {@code from}…{@code to}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(LocalDate date, LocalDate from, LocalDate to, String name) {
    }

    /** A year file as written. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record YearFile(String format, String region, Integer year, String source, Boolean assumption,
            List<Entry> holidays, List<Entry> workingDays, List<String> notes) {
    }

    /** A calendar file as written. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CalendarFile(String format, String id, String name, String zone,
            Map<DayOfWeek, List<String>> weeklyHours, List<String> makeUpDayHours, List<String> years) {
    }

    public static CalendarYear readYear(String json) {
        return toYear(parse(json.getBytes(StandardCharsets.UTF_8), YearFile.class));
    }

    public static CalendarYear readYear(InputStream json) {
        return toYear(parse(readAll(json), YearFile.class));
    }

    /** Checks and expands a year file: ranges become single days. */
    public static CalendarYear toYear(YearFile file) {
        if (file == null) {
            throw new CalendarFormatException("empty calendar year file");
        }
        if (file.format() != null && !YEAR_FORMAT.equals(file.format())) {
            throw new CalendarFormatException("format must be " + YEAR_FORMAT + ", not " + file.format());
        }
        if (file.year() == null) {
            throw new CalendarFormatException("year is required");
        }
        try {
            return new CalendarYear(file.year(), expand("holidays", file.holidays()), expand("workingDays", file.workingDays()),
                    file.source(), Boolean.TRUE.equals(file.assumption()));
        } catch (CalendarFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new CalendarFormatException(e.getMessage(), e);
        }
    }

    /** Writes a year in the year-file format (single dates; ranges are not re-formed). */
    public static String writeYear(CalendarYear year, String region) {
        YearFile file = new YearFile(YEAR_FORMAT, region, year.year(), year.source(), year.assumption(),
                entries(year.holidays()), entries(year.workingDays()), null);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(file);
    }

    public static YearFile toFile(CalendarYear year, String region) {
        return new YearFile(YEAR_FORMAT, region, year.year(), year.source(), year.assumption(), entries(year.holidays()),
                entries(year.workingDays()), null);
    }

    /** Reads a calendar file; {@code yearFiles} opens the year files it names (relative names). */
    public static BusinessCalendar readCalendar(InputStream json, java.util.function.Function<String, InputStream> yearFiles) {
        CalendarFile file = parse(readAll(json), CalendarFile.class);
        if (file.format() != null && !CALENDAR_FORMAT.equals(file.format())) {
            throw new CalendarFormatException("format must be " + CALENDAR_FORMAT + ", not " + file.format());
        }
        try {
            BusinessCalendar.Builder builder = BusinessCalendar.builder(file.id()).name(file.name());
            if (file.zone() != null) {
                builder.zone(ZoneId.of(file.zone()));
            }
            if (file.weeklyHours() != null) {
                builder.hours(weeklyHours(file.weeklyHours()));
            }
            if (file.makeUpDayHours() != null) {
                builder.makeUpDayHours(intervals(file.makeUpDayHours()));
            }
            for (String name : file.years() == null ? List.<String>of() : file.years()) {
                try (InputStream year = yearFiles.apply(name)) {
                    if (year == null) {
                        throw new CalendarFormatException("year file " + name + " of calendar " + file.id() + " not found");
                    }
                    builder.year(readYear(year));
                }
            }
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CalendarFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CalendarFormatException("calendar " + file.id() + ": " + e.getMessage(), e);
        }
    }

    public static WeeklyHours weeklyHours(Map<DayOfWeek, List<String>> days) {
        Map<DayOfWeek, List<WorkingInterval>> parsed = new EnumMap<>(DayOfWeek.class);
        days.forEach((day, texts) -> parsed.put(day, intervals(texts)));
        return WeeklyHours.of(parsed);
    }

    public static List<WorkingInterval> intervals(List<String> texts) {
        return texts == null ? List.of() : texts.stream().map(WorkingInterval::parse).toList();
    }

    public static List<String> texts(List<WorkingInterval> intervals) {
        return intervals.stream().map(WorkingInterval::toString).toList();
    }

    private static List<CalendarYear.Day> expand(String field, List<Entry> entries) {
        List<CalendarYear.Day> days = new ArrayList<>();
        int index = 0;
        for (Entry entry : entries == null ? List.<Entry>of() : entries) {
            String where = field + "[" + index++ + "]";
            if (entry == null) {
                throw new CalendarFormatException(where + " is empty");
            }
            if (entry.date() != null && (entry.from() != null || entry.to() != null)) {
                throw new CalendarFormatException(where + ": give either date or from/to, not both");
            }
            if (entry.date() != null) {
                days.add(new CalendarYear.Day(entry.date(), entry.name()));
                continue;
            }
            if (entry.from() == null || entry.to() == null) {
                throw new CalendarFormatException(where + ": needs a date, or both from and to");
            }
            if (entry.to().isBefore(entry.from())) {
                throw new CalendarFormatException(where + ": to " + entry.to() + " is before from " + entry.from());
            }
            if (ChronoUnit.DAYS.between(entry.from(), entry.to()) >= MAX_RANGE_DAYS) {
                throw new CalendarFormatException(where + ": a range may span at most " + MAX_RANGE_DAYS + " days");
            }
            for (LocalDate date = entry.from(); !date.isAfter(entry.to()); date = date.plusDays(1)) {
                days.add(new CalendarYear.Day(date, entry.name()));
            }
        }
        return days;
    }

    private static List<Entry> entries(List<CalendarYear.Day> days) {
        return days.stream().map(day -> new Entry(day.date(), null, null, day.name())).toList();
    }

    private static <T> T parse(byte[] json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JacksonException e) {
            throw new CalendarFormatException("not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
