package org.crmsuite.console.visits;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The visits screen's settings ({@code crm.console.visits}).
 *
 * @param zone the time zone of visit-service's business calendar ({@code crm.visit.calendar.zone}): the day a visit
 *             falls on in the month grid, and the local time a person types into the record form, are read in it —
 *             the same days the service counts "due" and "overdue" in (VI-7)
 * @param calendarLimit how many plans and how many records one month of the calendar asks for (the APIs' page size
 *             limit is 200); more than that is said on the page, not silently cut
 */
@ConfigurationProperties("crm.console.visits")
record VisitScreenSettings(ZoneId zone, Integer calendarLimit) {

    VisitScreenSettings {
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        calendarLimit = calendarLimit == null ? 200 : Math.max(1, Math.min(200, calendarLimit));
    }
}
