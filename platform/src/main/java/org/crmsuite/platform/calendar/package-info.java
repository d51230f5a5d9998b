/**
 * The business calendar (工作日历, DOMAIN.md "Business calendar"): working hours per weekday, public holidays and
 * make-up working days (调休) in a time zone, and the deadline arithmetic of the suite — {@code add} business time,
 * {@code addBusinessDays} ("N business days" = the N-th working day after the day of receipt), {@code between}.
 * Pure Java, immutable, no Spring: a service stores the data (complaint-service owns the calendars and serves them at
 * {@code /api/v1/calendars}) and builds a {@link org.crmsuite.platform.calendar.BusinessCalendar} from it.
 * Shipped data and the import format: {@code calendars/README.md} on the classpath.
 */
package org.crmsuite.platform.calendar;
