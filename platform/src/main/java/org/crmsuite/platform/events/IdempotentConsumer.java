package org.crmsuite.platform.events;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Runs a handler at most once per (consumer, event id), however often the broker delivers the event.
 * <p>
 * The first delivery claims the id in {@code processed_events} (the {@code _id} is the unique key), runs the
 * handler and marks the claim done; a failed handler releases its claim so the retry runs it again. A claim
 * left by a crashed instance is taken over after {@code crm.events.consumer.claim-timeout}.
 */
public class IdempotentConsumer {

    public static final String COLLECTION = "processed_events";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration claimTimeout;

    public IdempotentConsumer(MongoTemplate mongo, Clock clock, Duration claimTimeout) {
        this.mongo = mongo;
        this.clock = clock;
        this.claimTimeout = claimTimeout;
    }

    /** @return true when the handler ran, false when this event was already handled by this consumer. */
    public boolean handle(String consumer, String eventId, Runnable handler) {
        String key = consumer + ":" + eventId;
        if (!claim(key, consumer, eventId)) {
            return false;
        }
        try {
            handler.run();
        } catch (RuntimeException e) {
            mongo.remove(Query.query(Criteria.where("_id").is(key)), COLLECTION);
            throw e;
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(key)),
                new Update().set("status", "DONE").set("doneAt", Date.from(clock.instant())), COLLECTION);
        return true;
    }

    public boolean alreadyHandled(String consumer, String eventId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(consumer + ":" + eventId).and("status").is("DONE")),
                COLLECTION);
    }

    private boolean claim(String key, String consumer, String eventId) {
        Date now = Date.from(clock.instant());
        try {
            mongo.insert(new Document("_id", key).append("consumer", consumer).append("eventId", eventId)
                    .append("status", "CLAIMED").append("claimedAt", now), COLLECTION);
            return true;
        } catch (DuplicateKeyException seenBefore) {
            Date stale = Date.from(clock.instant().minus(claimTimeout));
            Query abandoned = Query.query(Criteria.where("_id").is(key).and("status").is("CLAIMED").and("claimedAt").lt(stale));
            if (mongo.updateFirst(abandoned, new Update().set("claimedAt", now), COLLECTION).getModifiedCount() == 1) {
                return true;
            }
            if (alreadyHandled(consumer, eventId)) {
                return false;
            }
            throw new IllegalStateException("event " + eventId + " is being handled by another instance of " + consumer);
        }
    }
}
