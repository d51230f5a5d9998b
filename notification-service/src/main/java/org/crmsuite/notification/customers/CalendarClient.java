package org.crmsuite.notification.customers;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The business calendar served by complaint-service: which days are public holidays (NO-1 holiday greetings). When it
 * does not answer, {@link Fallback} says so ({@link SourceUnavailableException}); the care job tries again next pass.
 */
@FeignClient(name = "complaint-service", contextId = "notificationCalendars", url = "${crm.notification.calendars-url:}",
        fallbackFactory = CalendarClient.Fallback.class)
public interface CalendarClient {

    @GetMapping("/api/v1/calendars/{id}/days")
    List<Day> days(@PathVariable("id") String calendarId, @RequestParam("from") String from, @RequestParam("to") String to);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Day(String date, boolean working, String holiday) {
    }

    /** The degraded answer: a clear error naming the calendar and why. */
    @org.springframework.stereotype.Component
    class Fallback implements org.springframework.cloud.openfeign.FallbackFactory<CalendarClient> {
        @Override
        public CalendarClient create(Throwable cause) {
            return (calendarId, from, to) -> {
                throw new SourceUnavailableException("complaint-service calendar", cause);
            };
        }
    }
}
