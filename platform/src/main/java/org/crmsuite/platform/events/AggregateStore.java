package org.crmsuite.platform.events;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

import com.mongodb.client.model.Filters;
import com.mongodb.client.result.UpdateResult;

import tools.jackson.databind.json.JsonMapper;

/**
 * Saves an {@link AggregateRoot} and the events it raised in one single-document write.
 * <p>
 * An update {@code $set}s the state, {@code $push}es the new events onto the outbox and checks the
 * version in the filter, so it never overwrites events the relay is still publishing and a stale
 * write fails with {@link OptimisticLockingFailureException} (409 for the client). This works on the
 * embedded wire server, which has no multi-document transactions, and on a real replica set alike.
 */
public class AggregateStore {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final JsonMapper json;
    private final String source;
    private final Runnable onEventsStored;
    private final Set<String> indexedCollections = ConcurrentHashMap.newKeySet();

    public AggregateStore(MongoTemplate mongo, Clock clock, JsonMapper json, String source, Runnable onEventsStored) {
        this.mongo = mongo;
        this.clock = clock;
        this.json = json;
        this.source = source;
        this.onEventsStored = onEventsStored;
    }

    public <T extends AggregateRoot> T save(T aggregate) {
        String collection = mongo.getCollectionName(aggregate.getClass());
        ensureOutboxIndex(collection);
        Instant now = clock.instant();
        boolean inserting = aggregate.isNew();
        if (aggregate.getId() == null) {
            aggregate.setId(new ObjectId().toHexString());
        }
        long previousVersion = inserting ? -1 : aggregate.getVersion();
        if (inserting) {
            aggregate.setCreatedAt(now);
        }
        aggregate.setUpdatedAt(now);
        aggregate.setVersion(previousVersion + 1);

        List<Document> events = outboxEntries(aggregate, now);
        Document state = new Document();
        mongo.getConverter().write(aggregate, state);
        try {
            if (inserting) {
                insert(collection, state, events, now);
            } else {
                update(collection, aggregate, state, events, now, previousVersion);
            }
        } catch (RuntimeException e) {
            aggregate.setVersion(inserting ? null : previousVersion);
            throw e;
        }
        aggregate.clearRaisedEvents();
        if (!events.isEmpty()) {
            onEventsStored.run();
        }
        return aggregate;
    }

    private void insert(String collection, Document state, List<Document> events, Instant now) {
        state.put(Outbox.EVENTS, events);
        if (!events.isEmpty()) {
            state.put(Outbox.DUE_AT, Date.from(now));
        }
        mongo.execute(collection, c -> c.insertOne(state));
    }

    private void update(String collection, AggregateRoot aggregate, Document state, List<Document> events, Instant now,
            long previousVersion) {
        Object id = state.remove("_id");
        Document update = new Document("$set", state);
        Document unset = new Document();
        MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext()
                .getRequiredPersistentEntity(aggregate.getClass());
        for (MongoPersistentProperty property : entity) {
            if (!property.isIdProperty() && !state.containsKey(property.getFieldName())) {
                unset.put(property.getFieldName(), "");
            }
        }
        if (!unset.isEmpty()) {
            update.put("$unset", unset);
        }
        if (!events.isEmpty()) {
            update.put("$push", new Document(Outbox.EVENTS, new Document("$each", events)));
            update.put("$min", new Document(Outbox.DUE_AT, Date.from(now)));
        }
        UpdateResult result = mongo.execute(collection,
                c -> c.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("version", previousVersion)), update));
        if (result.getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException("Stale version " + previousVersion + " of "
                    + aggregate.getClass().getSimpleName() + " " + aggregate.getId());
        }
    }

    @SuppressWarnings("unchecked")
    private List<Document> outboxEntries(AggregateRoot aggregate, Instant now) {
        List<Document> entries = new ArrayList<>();
        for (AggregateRoot.RaisedEvent raised : aggregate.raisedEvents()) {
            Map<String, Object> data = raised.data() == null ? Map.of()
                    : json.convertValue(raised.data(), LinkedHashMap.class);
            entries.add(new Document("id", UUID.randomUUID().toString())
                    .append("type", raised.type().type())
                    .append("routingKey", raised.type().routingKey())
                    .append("source", source)
                    .append("subject", aggregate.getId())
                    .append("time", Date.from(now))
                    .append("data", new Document(data)));
        }
        return entries;
    }

    private void ensureOutboxIndex(String collection) {
        if (indexedCollections.add(collection)) {
            mongo.indexOps(collection).createIndex(new Index().on(Outbox.DUE_AT, org.springframework.data.domain.Sort.Direction.ASC)
                    .named("outbox_due").sparse());
        }
    }
}
