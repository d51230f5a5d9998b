package org.crmsuite.platform.calendar;

import java.io.InputStream;
import java.util.List;

/**
 * The calendars shipped with the platform as data under {@code calendars/} on the classpath
 * ({@code calendars/README.md} says where each date comes from and which are assumptions).
 */
public final class ShippedCalendars {

    /** Mainland China, Asia/Shanghai, office hours 09:00-12:00 and 13:30-18:00, holidays of 2026 and 2027. */
    public static final String CHINA_MAINLAND = "cn-default";

    private static final String FOLDER = "calendars/";

    private ShippedCalendars() {
    }

    public static List<String> ids() {
        return List.of(CHINA_MAINLAND);
    }

    public static BusinessCalendar chinaMainland() {
        return load(CHINA_MAINLAND);
    }

    /** Loads {@code calendars/<id>.json} and the year files it names. */
    public static BusinessCalendar load(String id) {
        InputStream definition = open(id + ".json");
        if (definition == null) {
            throw new IllegalArgumentException("no shipped calendar " + id + "; shipped: " + ids());
        }
        return CalendarYearFormat.readCalendar(definition, ShippedCalendars::open);
    }

    private static InputStream open(String name) {
        return ShippedCalendars.class.getClassLoader().getResourceAsStream(FOLDER + name);
    }
}
