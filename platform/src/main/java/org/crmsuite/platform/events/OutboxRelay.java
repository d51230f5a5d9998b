package org.crmsuite.platform.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Publishes the events waiting in aggregate outboxes.
 * <p>
 * Each document with pending events is claimed with a lease ({@code findAndModify} on {@code outboxAt}),
 * its events are published with publisher confirms, and only then removed. A relay that crashes after
 * publishing and before removing leaves the lease to expire; the events are published again with the
 * same ids and idempotent consumers ignore the repeat. Any number of service instances may run a relay.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final Clock clock;
    private final Supplier<Set<String>> aggregateCollections;
    private final EventsProperties.Relay settings;
    private final String owner = UUID.randomUUID().toString();
    private final Set<String> collections = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean nudged = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;

    public OutboxRelay(MongoTemplate mongo, EventPublisher publisher, Clock clock,
            Supplier<Set<String>> aggregateCollections, EventsProperties.Relay settings) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.clock = clock;
        this.aggregateCollections = aggregateCollections;
        this.settings = settings;
    }

    /** Asks the relay to look at the outboxes now instead of at its next poll. */
    public void nudge() {
        ScheduledExecutorService running = executor;
        if (running != null && nudged.compareAndSet(false, true)) {
            running.execute(() -> {
                nudged.set(false);
                drainQuietly();
            });
        }
    }

    /** Publishes everything that is due; returns how many events were published. */
    public int drain() {
        int published = 0;
        collections.addAll(aggregateCollections.get());
        for (String collection : collections) {
            Document claimed;
            int claims = 0;
            while (claims++ < settings.getBatchSize() && (claimed = claim(collection)) != null) {
                published += publishClaimed(collection, claimed);
            }
        }
        return published;
    }

    private Document claim(String collection) {
        Instant now = clock.instant();
        Query due = new Query(Criteria.where(Outbox.DUE_AT).lte(Date.from(now)));
        due.fields().include(Outbox.EVENTS);
        Update lease = new Update().set(Outbox.DUE_AT, Date.from(now.plus(settings.getLease()))).set(Outbox.OWNER, owner);
        return mongo.findAndModify(due, lease, FindAndModifyOptions.options().returnNew(true), Document.class, collection);
    }

    private int publishClaimed(String collection, Document claimed) {
        Object id = claimed.get("_id");
        List<Document> events = claimed.getList(Outbox.EVENTS, Document.class, List.of());
        List<String> published = new ArrayList<>();
        boolean failed = false;
        for (Document event : events) {
            try {
                publisher.publish(event);
                published.add(event.getString("id"));
                afterPublish(event);
            } catch (EventPublisher.PublishFailedException e) {
                log.warn("outbox of {} {}: {}; retrying in {}", collection, id, e.getMessage(), settings.getRetryDelay());
                failed = true;
                break;
            }
        }
        Query mine = new Query(Criteria.where("_id").is(id).and(Outbox.OWNER).is(owner));
        if (!published.isEmpty()) {
            mongo.updateFirst(mine, new Update().pull(Outbox.EVENTS, new Document("id", new Document("$in", published))),
                    collection);
        }
        Instant now = clock.instant();
        if (failed) {
            mongo.updateFirst(mine, new Update().set(Outbox.DUE_AT, Date.from(now.plus(settings.getRetryDelay())))
                    .unset(Outbox.OWNER), collection);
        } else {
            Query nothingLeft = Query.of(mine).addCriteria(Criteria.where(Outbox.EVENTS).size(0));
            if (mongo.updateFirst(nothingLeft, new Update().unset(Outbox.DUE_AT).unset(Outbox.OWNER), collection)
                    .getMatchedCount() == 0) {
                mongo.updateFirst(mine, new Update().set(Outbox.DUE_AT, Date.from(now)).unset(Outbox.OWNER), collection);
            }
        }
        return published.size();
    }

    /** Called after each confirmed publish and before the event leaves the outbox; a test hook for crashes. */
    protected void afterPublish(Document event) {
    }

    private void drainQuietly() {
        try {
            drain();
        } catch (RuntimeException e) {
            log.warn("outbox relay pass failed: {}", e.getMessage());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        long interval = settings.getPollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::drainQuietly, interval, interval, TimeUnit.MILLISECONDS);
        executor = scheduler;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    @Override
    public boolean isAutoStartup() {
        return settings.isEnabled();
    }

    Duration lease() {
        return settings.getLease();
    }
}
