package org.crmsuite.notification.preferences;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.crmsuite.notification.policy.QuietHours;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Service;

/**
 * Recipients' preferences and consent: a customer's opt-out of care messages (NO-1), a person's own quiet hours
 * (else the policy's), language and digest choice. One document per recipient: {@code customer:<id>} or {@code staff:<id>}.
 */
@Service
public class Preferences {

    private final MongoTemplate mongo;
    private final Clock clock;

    Preferences(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Document("preferences")
    public record Preference(@Id String id, boolean careOptOut, QuietHours quietHours, String locale, Boolean digest,
            String updatedBy, Instant updatedAt) {
    }

    public static String customerKey(String customerId) {
        return "customer:" + customerId;
    }

    public static String staffKey(String staffId) {
        return "staff:" + staffId;
    }

    public Optional<Preference> find(String key) {
        return Optional.ofNullable(mongo.findById(key, Preference.class));
    }

    /** NO-1: customers who opted out of care messages get none. */
    public boolean careOptedOut(String customerId) {
        return customerId != null && find(customerKey(customerId)).map(Preference::careOptOut).orElse(false);
    }

    public Preference save(String key, boolean careOptOut, QuietHours quietHours, String locale, Boolean digest, String by) {
        return mongo.save(new Preference(key, careOptOut, quietHours, locale, digest, by, clock.instant()));
    }
}
