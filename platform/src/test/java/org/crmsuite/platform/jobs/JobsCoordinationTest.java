package org.crmsuite.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.crmsuite.platform.web.DomainException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Two instances of one service share a MongoDB: leases and work claims make each scheduled piece of work run once,
 * and a dead holder's lease or claim is taken over after it runs out. Against the MongoDB wire protocol.
 */
class JobsCoordinationTest {

    static MongoServer server;
    static MongoClient client;
    static MongoTemplate mongo;
    static final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T01:00:00Z"));
    static final Clock clock = new Clock() {
        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now.get(); }
    };

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        mongo = new MongoTemplate(client, "jobs_test");
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void onlyOneInstanceHoldsALeaseUntilItIsReleasedOrRunsOut() {
        MongoLeases first = new MongoLeases(mongo, clock, "test.busy");
        MongoLeases second = new MongoLeases(mongo, clock, "test.busy");

        assertThat(first.tryAcquire("sla-scan", Duration.ofMinutes(1))).isTrue();
        assertThat(second.tryAcquire("sla-scan", Duration.ofMinutes(1))).isFalse();
        assertThat(second.runIfFree("sla-scan", Duration.ofMinutes(1), () -> { throw new AssertionError("ran twice"); }))
                .isFalse();

        now.updateAndGet(t -> t.plusSeconds(61)); // the first holder died: its lease runs out
        assertThat(second.tryAcquire("sla-scan", Duration.ofMinutes(1))).isTrue();
        second.release("sla-scan");
        assertThat(first.tryAcquire("sla-scan", Duration.ofMinutes(1))).isTrue();
        first.release("sla-scan");
    }

    @Test
    void aCriticalSectionThatCannotGetItsLeaseAnswersBusy() {
        MongoLeases holder = new MongoLeases(mongo, clock, "test.busy");
        MongoLeases waiter = new MongoLeases(mongo, clock, "test.busy");
        assertThat(holder.tryAcquire("quota:dept-1", Duration.ofMinutes(1))).isTrue();

        assertThatThrownBy(() -> waiter.withLease("quota:dept-1", Duration.ofSeconds(5), Duration.ofMillis(100), () -> "saved"))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo("test.busy"));

        holder.release("quota:dept-1");
        assertThat(waiter.withLease("quota:dept-1", Duration.ofSeconds(5), Duration.ofMillis(100), () -> "saved"))
                .isEqualTo("saved");
    }

    @Test
    void eachPieceOfWorkIsClaimedOnceAndAnAbandonedClaimIsTakenOver() {
        WorkClaims claims = new WorkClaims(mongo, clock);
        String key = "case-1:RESOLVE:WARNING";

        assertThat(claims.claim(key, "instance-a", Duration.ofMinutes(5))).isTrue();
        assertThat(claims.claim(key, "instance-b", Duration.ofMinutes(5))).isFalse();

        now.updateAndGet(t -> t.plus(Duration.ofMinutes(6))); // instance-a died before finishing
        assertThat(claims.claim(key, "instance-b", Duration.ofMinutes(5))).isTrue();
        claims.done(key, "instance-b");

        now.updateAndGet(t -> t.plus(Duration.ofHours(1)));
        assertThat(claims.claim(key, "instance-a", Duration.ofMinutes(5))).as("done work is never claimed again").isFalse();
        assertThat(claims.count("case-1:")).isEqualTo(1);
    }
}
