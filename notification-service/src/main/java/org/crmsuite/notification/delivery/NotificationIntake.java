package org.crmsuite.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.crmsuite.notification.customers.ContactBook;
import org.crmsuite.notification.events.NotifiableEvents;
import org.crmsuite.notification.rules.Rule;
import org.crmsuite.notification.rules.Rules;
import org.crmsuite.platform.events.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Turns an event into stored notification requests, one per matching rule (NO-1, NO-2), before the event is
 * acknowledged. The request ids are {@code <eventId>:<ruleId>}: an event delivered twice asks for nothing twice.
 */
@Service
public class NotificationIntake {

    private static final Logger log = LoggerFactory.getLogger(NotificationIntake.class);

    private final Rules rules;
    private final ContactBook contacts;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final Dispatcher dispatcher;

    NotificationIntake(Rules rules, ContactBook contacts, MongoTemplate mongo, Clock clock, Dispatcher dispatcher) {
        this.rules = rules;
        this.contacts = contacts;
        this.mongo = mongo;
        this.clock = clock;
        this.dispatcher = dispatcher;
    }

    /** @return how many requests the event made */
    public int accept(CloudEvent event) {
        if (NotifiableEvents.find(event.type()).isEmpty()) {
            log.debug("no notifications for {}", event.type());
            return 0;
        }
        Map<String, Object> data = event.data() == null ? Map.of() : event.data();
        contacts.learn(data);
        return submit(event.id(), event.type(), event.subject(), event.time(), data);
    }

    /** Requests for one of this service's own occasions (care messages) or a consumed event. */
    public int submit(String eventId, String type, String subject, Instant time, Map<String, Object> data) {
        int made = 0;
        for (Rule rule : rules.forEvent(type)) {
            if (!rule.matches(data)) {
                continue;
            }
            NotificationRequest request = new NotificationRequest();
            request.setId(eventId + ":" + rule.getId());
            request.setEventId(eventId);
            request.setEventType(type);
            request.setSubject(subject);
            request.setEventTime(time);
            request.setRuleId(rule.getId());
            request.setData(new LinkedHashMap<>(data));
            request.setCreatedAt(clock.instant());
            request.setNextAttemptAt(clock.instant());
            try {
                mongo.insert(request);
                made++;
            } catch (DuplicateKeyException redelivered) {
                // this event was turned into requests before (redelivery, a crash before the acknowledgement)
            }
        }
        if (made > 0) {
            dispatcher.nudge();
        }
        return made;
    }
}
