package org.crmsuite.platform.jobs;

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

/**
 * Named leases in the service's MongoDB ({@code locks} collection), so that any number of instances can run the same
 * scheduler or guard the same short critical section: a lease is taken with one {@code findAndModify} on a document
 * whose lease has run out, and expires by itself if its holder dies. Works on the embedded wire server (no
 * transactions needed).
 */
public class MongoLeases {

    public static final String COLLECTION = "locks";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String busyCode;
    private final String instance = UUID.randomUUID().toString();

    /** @param busyCode the problem {@code code} answered (503) when {@link #withLease} cannot get its lease */
    public MongoLeases(MongoTemplate mongo, Clock clock, String busyCode) {
        this.mongo = mongo;
        this.clock = clock;
        this.busyCode = busyCode;
    }

    private String holder() {
        return instance + ":" + Thread.currentThread().getId();
    }

    /** Takes the lease {@code name} for {@code lease} if nobody (else) holds it; returns whether it is now ours. */
    public boolean tryAcquire(String name, Duration lease) {
        Instant now = clock.instant();
        try {
            mongo.insert(new Document("_id", name).append("until", Date.from(Instant.EPOCH)), COLLECTION);
        } catch (DuplicateKeyException exists) {
            // the lease document is there already: take it below if it ran out
        }
        Query free = new Query(Criteria.where("_id").is(name)
                .orOperator(Criteria.where("until").lte(Date.from(now)), Criteria.where("holder").is(holder())));
        Update take = new Update().set("until", Date.from(now.plus(lease))).set("holder", holder());
        return mongo.findAndModify(free, take, FindAndModifyOptions.options().returnNew(true), Document.class,
                COLLECTION) != null;
    }

    public void release(String name) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(name).and("holder").is(holder())),
                new Update().set("until", Date.from(Instant.EPOCH)).unset("holder"), COLLECTION);
    }

    /**
     * Runs {@code work} holding the lease {@code name}, waiting up to {@code wait} for it (short critical sections such
     * as a quota check and the save that depends on it). 503 with the busy code if it cannot be had in time.
     */
    public <T> T withLease(String name, Duration lease, Duration wait, Supplier<T> work) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!tryAcquire(name, lease)) {
            if (System.nanoTime() > deadline) {
                throw DomainException.unavailable(busyCode, "Another change of the same kind is in progress; try again");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw DomainException.unavailable(busyCode, "Interrupted while waiting");
            }
        }
        try {
            return work.get();
        } finally {
            release(name);
        }
    }

    /** Runs {@code job} only if this instance gets the lease (a scheduler pass); the others skip this pass. */
    public boolean runIfFree(String name, Duration lease, Runnable job) {
        if (!tryAcquire(name, lease)) {
            return false;
        }
        try {
            job.run();
            return true;
        } finally {
            release(name);
        }
    }
}
