package org.crmsuite.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.crmsuite.platform.jobs.MongoLeases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.nimbusds.jose.jwk.RSAKey;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Key rotation over a key's life, with a movable clock, two instances on one MongoDB (the wire protocol): the next
 * key is published before it signs, the old one stays published until its tokens have expired, then it is deleted.
 */
class SigningKeyRotationTest {

    static final SigningKeyPolicy POLICY = new SigningKeyPolicy(Duration.ofDays(90), Duration.ofHours(1),
            Duration.ofDays(1), Duration.ofMinutes(10), Duration.ofSeconds(30));

    MongoServer server;
    MongoClient client;
    MongoTemplate mongo;
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T01:00:00Z"));
    final Clock clock = new Clock() {
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now.get(); }
    };
    SigningKeys first;
    SigningKeys second;

    @BeforeEach
    void twoInstances() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        mongo = new MongoTemplate(client, "identity_keys_test");
        first = new SigningKeys(mongo, clock, new MongoLeases(mongo, clock, "identity.busy"), POLICY);
        second = new SigningKeys(mongo, clock, new MongoLeases(mongo, clock, "identity.busy"), POLICY);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void aKeyIsPublishedBeforeItSignsAndRetiredAfterItsTokensExpired() {
        first.ensureOne();
        second.ensureOne();
        String original = first.signingKid();
        assertThat(kids(second.published())).containsExactly(original);

        // not yet due: nothing changes
        advance(Duration.ofDays(30));
        first.rotateIfDue();
        assertThat(kids(first.published())).containsExactly(original);

        // due: the next key is published an hour before it signs, and every instance sees it within cache-for
        advance(Duration.ofDays(59).plusHours(23));
        first.rotateIfDue();
        advance(Duration.ofSeconds(31));
        List<String> both = kids(second.published());
        assertThat(both).hasSize(2).contains(original);
        String next = both.stream().filter(kid -> !kid.equals(original)).findFirst().orElseThrow();
        assertThat(second.signingKid()).as("the new key does not sign yet").isEqualTo(original);
        assertThat(first.states()).extracting(SigningKeys.KeyState::state).containsExactly("PUBLISHED_AHEAD", "SIGNING");

        // it takes over; the old one stays published for the tokens it signed
        advance(Duration.ofHours(1));
        assertThat(second.signingKid()).isEqualTo(next);
        assertThat(kids(second.published())).containsExactlyInAnyOrder(original, next);
        assertThat(first.states()).extracting(SigningKeys.KeyState::state).containsExactly("SIGNING", "RETIRING");

        // a day later the old key is gone, private part and all
        advance(Duration.ofDays(1));
        second.rotateIfDue();
        assertThat(kids(first.published())).containsExactly(next);
        assertThat(mongo.getCollection(SigningKeys.COLLECTION).countDocuments()).isEqualTo(1);
    }

    @Test
    void anAdministratorsRotationSignsAtOnceAndCanDropTheOldKeys() {
        first.ensureOne();
        String original = first.signingKid();

        SigningKeys.KeyState rotated = first.rotateNow(false);
        assertThat(first.signingKid()).isEqualTo(rotated.kid()).isNotEqualTo(original);
        assertThat(kids(first.published())).containsExactlyInAnyOrder(original, rotated.kid());

        SigningKeys.KeyState dropped = first.rotateNow(true);
        assertThat(kids(first.published())).containsExactly(dropped.kid());
    }

    @Test
    void aPolicyThatCouldLeaveTokensWithoutTheirKeyIsRefused() {
        assertThatThrownBy(() -> new SigningKeyPolicy(Duration.ofHours(12), Duration.ofHours(1), Duration.ofDays(1),
                Duration.ofMinutes(10), Duration.ofSeconds(30))).hasMessageContaining("rotate-every");
        assertThatThrownBy(() -> new SigningKeyPolicy(Duration.ofDays(90), Duration.ofSeconds(10), Duration.ofDays(1),
                Duration.ofMinutes(10), Duration.ofSeconds(30))).hasMessageContaining("publish-ahead");
    }

    private void advance(Duration duration) {
        now.updateAndGet(t -> t.plus(duration));
    }

    private static List<String> kids(List<RSAKey> keys) {
        return keys.stream().map(RSAKey::getKeyID).toList();
    }
}
