package org.crmsuite.notification.customers;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The customer contacts this service may write to (NO-1), learnt from the events that carry them
 * ({@code contactName}/{@code contactPhone}/{@code contactEmail}: visit plans, resolved complaints): customer-service
 * gives services only masked contact data, so the contact the business named last for a customer is the one told.
 */
@Service
public class ContactBook {

    private final MongoTemplate mongo;
    private final Clock clock;

    ContactBook(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Document("contacts")
    public record Contact(@Id String customerId, String customerName, String name, String phone, String email,
            Instant updatedAt) {
    }

    /** Remembers the contact an event names for its customer (only fields the event has; nothing is cleared). */
    public void learn(Map<String, Object> data) {
        Object customerId = data.get("customerId");
        Object phone = data.get("contactPhone");
        Object email = data.get("contactEmail");
        if (customerId == null || phone == null && email == null) {
            return;
        }
        Update update = new Update().set("updatedAt", clock.instant());
        setIfPresent(update, "name", data.get("contactName"));
        setIfPresent(update, "phone", phone);
        setIfPresent(update, "email", email);
        setIfPresent(update, "customerName", data.get("customerName"));
        mongo.upsert(Query.query(Criteria.where("_id").is(String.valueOf(customerId))), update, Contact.class);
    }

    private static void setIfPresent(Update update, String field, Object value) {
        if (value != null && !String.valueOf(value).isBlank()) {
            update.set(field, String.valueOf(value));
        }
    }

    public Optional<Contact> find(String customerId) {
        return customerId == null ? Optional.empty() : Optional.ofNullable(mongo.findById(customerId, Contact.class));
    }

    public List<Contact> page(String afterCustomerId, int size) {
        Query query = afterCustomerId == null ? new Query() : Query.query(Criteria.where("_id").gt(afterCustomerId));
        return mongo.find(query.with(Sort.by("_id")).limit(size), Contact.class);
    }

    public void save(Contact contact) {
        mongo.save(contact);
    }
}
