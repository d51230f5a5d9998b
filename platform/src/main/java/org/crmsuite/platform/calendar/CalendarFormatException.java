package org.crmsuite.platform.calendar;

/** A calendar file that is not in the documented format, or whose dates contradict each other. */
public class CalendarFormatException extends IllegalArgumentException {

    public CalendarFormatException(String message) {
        super(message);
    }

    public CalendarFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
