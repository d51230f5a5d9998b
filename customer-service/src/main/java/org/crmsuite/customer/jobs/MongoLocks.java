package org.crmsuite.customer.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.Supplier;

import org.bson.Document;
import org.crmsuite.platform.web.DomainException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Named leases in MongoDB ({@code locks} collection), so that any number of instances can run the same scheduler or
 * check the same quota: a lease is taken with one {@code findAndModify} on a document whose lease has run out, and
 * expires by itself if its holder dies.
 */
@Component
public class MongoLocks {

    static final String COLLECTION = "locks";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String holder = UUID.randomUUID().toString();

    public MongoLocks(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Takes the lease {@code name} for {@code lease} if nobody holds it; returns whether it is now ours. */
    public boolean tryAcquire(String name, Duration lease) {
        Instant now = clock.instant();
        try {
            mongo.insert(new Document("_id", name).append("until", Date.from(Instant.EPOCH)), COLLECTION);
        } catch (DuplicateKeyException exists) {
            // the lock document is there already: take it below if its lease ran out
        }
        Query free = new Query(Criteria.where("_id").is(name).orOperator(Criteria.where("until").lte(Date.from(now)),
                Criteria.where("holder").is(holder + ":" + Thread.currentThread().getId())));
        Update take = new Update().set("until", Date.from(now.plus(lease))).set("holder",
                holder + ":" + Thread.currentThread().getId());
        return mongo.findAndModify(free, take, FindAndModifyOptions.options().returnNew(true), Document.class,
                COLLECTION) != null;
    }

    public void release(String name) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(name).and("holder").is(holder + ":" + Thread.currentThread().getId())),
                new Update().set("until", Date.from(Instant.EPOCH)).unset("holder"), COLLECTION);
    }

    /**
     * Runs {@code work} holding the lease {@code name}, waiting up to {@code wait} for it (short critical sections such
     * as a quota check and the save that depends on it). 503 {@code customer.busy} if it cannot be had.
     */
    public <T> T withLock(String name, Duration lease, Duration wait, Supplier<T> work) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!tryAcquire(name, lease)) {
            if (System.nanoTime() > deadline) {
                throw DomainException.unavailable("customer.busy", "Another change of the same kind is in progress; try again");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw DomainException.unavailable("customer.busy", "Interrupted while waiting");
            }
        }
        try {
            return work.get();
        } finally {
            release(name);
        }
    }
}
