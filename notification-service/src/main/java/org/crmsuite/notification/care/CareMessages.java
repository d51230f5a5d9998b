package org.crmsuite.notification.care;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crmsuite.notification.NotificationSettings;
import org.crmsuite.notification.customers.CalendarClient;
import org.crmsuite.notification.customers.ContactBook;
import org.crmsuite.notification.customers.CustomerServiceClient;
import org.crmsuite.notification.delivery.NotificationIntake;
import org.crmsuite.notification.events.NotifiableEvents;
import org.crmsuite.notification.policy.NotificationPolicy;
import org.crmsuite.notification.policy.Policies;
import org.crmsuite.platform.jobs.WorkClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * NO-1 care messages, from the policy's care time on: birthdays of key contacts (customer-service) and public holidays
 * (the business calendar). Each occasion is claimed once across instances ({@code care:birthday:<contact>:<year>},
 * {@code care:holiday:<date>:<customer>}) and becomes notification requests under the care rules, whose customer
 * deliveries skip those who opted out. When a source does not answer, the day is tried again on the next pass.
 */
@Service
public class CareMessages {

    private static final Logger log = LoggerFactory.getLogger(CareMessages.class);
    private static final Duration CLAIM_LEASE = Duration.ofMinutes(10);

    private final CustomerServiceClient customers;
    private final CalendarClient calendars;
    private final ContactBook contacts;
    private final NotificationIntake intake;
    private final WorkClaims claims;
    private final Policies policies;
    private final NotificationSettings settings;
    private final Clock clock;
    private final String owner = "care-" + java.util.UUID.randomUUID();

    CareMessages(CustomerServiceClient customers, CalendarClient calendars, ContactBook contacts, NotificationIntake intake,
            WorkClaims claims, Policies policies, NotificationSettings settings, Clock clock) {
        this.customers = customers;
        this.calendars = calendars;
        this.contacts = contacts;
        this.intake = intake;
        this.claims = claims;
        this.policies = policies;
        this.settings = settings;
        this.clock = clock;
    }

    public record Pass(int birthdays, int holidays) {
    }

    public Pass runOnce() {
        NotificationPolicy policy = policies.current();
        ZonedDateTime local = clock.instant().atZone(ZoneId.of(policy.zone()));
        if (local.toLocalTime().isBefore(policy.careTime())) {
            return new Pass(0, 0);
        }
        LocalDate today = local.toLocalDate();
        int birthdays = 0;
        int holidays = 0;
        if (policy.careBirthdays()) {
            try {
                birthdays = birthdays(today);
            } catch (RuntimeException e) {
                log.warn("NO-1 birthdays of {} not sent yet: customer-service did not answer: {}", today, e.getMessage());
            }
        }
        if (policy.careHolidays()) {
            try {
                holidays = holidays(today);
            } catch (RuntimeException e) {
                log.warn("NO-1 holiday greetings of {} not sent yet: the calendar did not answer: {}", today, e.getMessage());
            }
        }
        return new Pass(birthdays, holidays);
    }

    private int birthdays(LocalDate today) {
        String monthDay = today.format(DateTimeFormatter.ofPattern("MM-dd"));
        int made = 0;
        int page = 0;
        CustomerServiceClient.BirthdayPage found;
        do {
            found = customers.birthdays(monthDay, monthDay, true, page++, 200);
            for (CustomerServiceClient.Birthday b : found.items()) {
                String key = "care:birthday:" + b.contactId() + ":" + today.getYear();
                if (!claims.claim(key, owner, CLAIM_LEASE)) {
                    continue;
                }
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("customerId", b.customerId());
                data.put("customerName", b.customerName());
                data.put("ownerId", b.ownerId());
                data.put("contactName", b.contactName());
                data.put("monthDay", b.monthDay());
                contacts.find(b.customerId()).filter(c -> b.contactName() != null && b.contactName().equals(c.name()))
                        .ifPresent(c -> {
                            data.put("contactPhone", c.phone());
                            data.put("contactEmail", c.email());
                        });
                intake.submit("care-birthday-" + b.contactId() + "-" + today.getYear(), NotifiableEvents.CARE_BIRTHDAY,
                        b.customerId(), clock.instant(), data);
                claims.done(key, owner);
                made++;
            }
        } while (found.items().size() == 200);
        return made;
    }

    private int holidays(LocalDate today) {
        List<CalendarClient.Day> days = calendars.days(settings.getCalendarId(), today.minusDays(1).toString(), today.toString());
        CalendarClient.Day day = days.stream().filter(d -> today.toString().equals(d.date())).findFirst().orElse(null);
        if (day == null || day.holiday() == null) {
            return 0;
        }
        boolean firstDay = days.stream().noneMatch(d -> !today.toString().equals(d.date()) && day.holiday().equals(d.holiday()));
        if (!firstDay) {
            return 0;
        }
        int made = 0;
        String after = null;
        List<ContactBook.Contact> page;
        do {
            page = contacts.page(after, 200);
            for (ContactBook.Contact c : page) {
                after = c.customerId();
                String key = "care:holiday:" + today + ":" + c.customerId();
                if (!claims.claim(key, owner, CLAIM_LEASE)) {
                    continue;
                }
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("holiday", day.holiday());
                data.put("date", today.toString());
                data.put("customerId", c.customerId());
                data.put("contactName", c.name());
                data.put("contactPhone", c.phone());
                data.put("contactEmail", c.email());
                intake.submit("care-holiday-" + today + "-" + c.customerId(), NotifiableEvents.CARE_HOLIDAY, c.customerId(),
                        Instant.now(clock), data);
                claims.done(key, owner);
                made++;
            }
        } while (page.size() == 200);
        return made;
    }
}
