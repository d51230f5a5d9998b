package org.crmsuite.notification.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.crmsuite.notification.NotificationSettings;
import org.crmsuite.notification.customers.ContactBook;
import org.crmsuite.notification.preferences.Preferences;
import org.crmsuite.notification.rules.Audience;
import org.crmsuite.notification.rules.Rule;
import org.crmsuite.notification.staff.DirectoryUnavailableException;
import org.crmsuite.notification.staff.StaffDirectory;
import org.crmsuite.notification.staff.StaffDirectoryClient.Staff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finds the people a rule's audience means for one event (NO-1, NO-2): customer contacts from the event data or the
 * contact book, staff through identity's directory. Throws {@link DirectoryUnavailableException} when identity does not
 * answer, so the request is tried again later rather than sent to nobody.
 */
@Component
class RecipientResolver {

    private static final Logger log = LoggerFactory.getLogger(RecipientResolver.class);

    private final StaffDirectory directory;
    private final ContactBook contacts;
    private final Preferences preferences;
    private final NotificationSettings settings;

    RecipientResolver(StaffDirectory directory, ContactBook contacts, Preferences preferences, NotificationSettings settings) {
        this.directory = directory;
        this.contacts = contacts;
        this.preferences = preferences;
        this.settings = settings;
    }

    /** A person with every address they have; a delivery picks the one its channel needs. */
    record Person(String kind, String id, String name, String email, String phone, String locale) {

        String address(Channel channel) {
            return switch (channel) {
                case EMAIL -> email;
                case SMS -> phone;
                case INBOX -> Recipient.STAFF.equals(kind) ? id : null;
                case WEBHOOK -> null;
            };
        }
    }

    List<Person> resolve(Rule rule, Map<String, Object> data) {
        Audience audience = rule.getAudience();
        if (audience == Audience.CUSTOMER_CONTACT) {
            return customer(data).map(List::of).orElse(List.of());
        }
        Optional<Staff> staff = switch (audience) {
            case DEPARTMENT_MANAGER -> text(data, "departmentId").flatMap(directory::managerOf);
            case DEPARTMENT_DIRECTOR -> text(data, "departmentId").flatMap(directory::directorOf);
            case NEXT_TIER -> nextTier(data);
            case OWNER -> text(data, "toOwnerId").or(() -> text(data, "ownerId")).flatMap(directory::staff);
            case REP -> text(data, "toRepId").or(() -> text(data, "repId")).flatMap(directory::staff);
            default -> text(data, audience.idField()).flatMap(directory::staff);
        };
        List<Person> people = new ArrayList<>();
        staff.filter(s -> {
            if (!s.active()) {
                log.info("{}: {} has left; not notified", rule.getId(), s.id());
            }
            return s.active();
        }).ifPresent(s -> people.add(staffPerson(s)));
        return people;
    }

    private Optional<Staff> nextTier(Map<String, Object> data) {
        Optional<String> department = text(data, "departmentId");
        Optional<String> level = text(data, "toLevel");
        if (level.isPresent() && department.isPresent()) {
            return "L3".equals(level.get()) ? directory.directorOf(department.get())
                    : "L2".equals(level.get()) ? directory.managerOf(department.get())
                    : text(data, "handlerId").flatMap(directory::staff);
        }
        return text(data, "handlerId").flatMap(directory::nextTierOf);
    }

    private Person staffPerson(Staff staff) {
        String locale = preferences.find(Preferences.staffKey(staff.id())).map(Preferences.Preference::locale)
                .orElse(staff.locale());
        return new Person(Recipient.STAFF, staff.id(), staff.name(), staff.email(), staff.phone(),
                locale == null ? settings.getDefaultLocale() : locale);
    }

    private Optional<Person> customer(Map<String, Object> data) {
        String customerId = text(data, "customerId").orElse(null);
        String locale = customerId == null ? null
                : preferences.find(Preferences.customerKey(customerId)).map(Preferences.Preference::locale).orElse(null);
        locale = locale == null ? text(data, "locale").orElse(settings.getDefaultLocale()) : locale;
        Optional<String> phone = text(data, "contactPhone");
        Optional<String> email = text(data, "contactEmail");
        if (phone.isPresent() || email.isPresent()) {
            return Optional.of(new Person(Recipient.CUSTOMER, customerId == null ? "contact" : customerId,
                    text(data, "contactName").orElse(null), email.orElse(null), phone.orElse(null), locale));
        }
        String finalLocale = locale;
        return contacts.find(customerId).map(c -> new Person(Recipient.CUSTOMER, customerId, c.name(), c.email(), c.phone(),
                finalLocale));
    }

    static Optional<String> text(Map<String, Object> data, String field) {
        Object value = data == null || field == null ? null : data.get(field);
        return value == null || String.valueOf(value).isBlank() ? Optional.empty() : Optional.of(String.valueOf(value));
    }
}
