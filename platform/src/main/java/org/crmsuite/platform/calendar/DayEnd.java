package org.crmsuite.platform.calendar;

/**
 * When a deadline of "N business days" falls on its day (policy; DOMAIN.md, "Business calendar"). The day is always
 * the N-th working day after the day of receipt.
 */
public enum DayEnd {
    /** At the end of that day's last working interval: received Monday, 1 business day, due Tuesday 18:00. */
    END_OF_DAY,
    /** At the clock time of receipt on that day: received Monday 10:15, 1 business day, due Tuesday 10:15. */
    SAME_TIME
}
