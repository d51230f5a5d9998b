package org.crmsuite.identity.auth;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.crmsuite.platform.jobs.MongoLeases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * The RSA keys that sign tokens, shared by all instances through MongoDB ({@code signing_keys}, one document per
 * key) and rotated on a schedule ({@link SigningKeyPolicy}): a new key is published {@code publish-ahead} before it
 * takes over signing, the old one stays published {@code retire-after} longer so that the tokens it signed verify
 * until they expire, and is then deleted (private part included). One instance at a time rotates (a lease); every
 * instance reads the key set again after {@code cache-for}, well inside {@code publish-ahead}.
 * <p>
 * The private keys are stored as they are, so the {@code crm_identity} database must be guarded like a secret (a KMS
 * or an encrypted field is the next step for production).
 */
final class SigningKeys {

    static final String COLLECTION = "signing_keys";
    private static final String ROTATION_LEASE = "signing-key-rotation";
    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final int KEY_SIZE = 2048;

    /** One stored key: {@code signsFrom} is when it takes over signing (a key written before rotation: its creation). */
    record StoredKey(String kid, long seq, Instant createdAt, Instant signsFrom, RSAKey jwk) {
    }

    /** What an administrator sees of a key: never its material. */
    record KeyState(String kid, Instant createdAt, Instant signsFrom, Instant retiresAt, String state) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    private final MongoLeases leases;
    private final SigningKeyPolicy policy;
    private volatile List<StoredKey> cached = List.of();
    private volatile Instant cachedAt = Instant.MIN;

    SigningKeys(MongoTemplate mongo, Clock clock, MongoLeases leases, SigningKeyPolicy policy) {
        this.mongo = mongo;
        this.clock = clock;
        this.leases = leases;
        this.policy = policy;
    }

    /** The keys in the JWKS now: the one signing, any waiting to take over, and those whose tokens may still be valid. */
    List<RSAKey> published() {
        Instant now = clock.instant();
        return keys().stream().filter(key -> isPublished(key, keys(), now)).map(StoredKey::jwk).toList();
    }

    /** The key id that signs now. */
    String signingKid() {
        Instant now = clock.instant();
        return keys().stream().filter(key -> !key.signsFrom().isAfter(now)).findFirst().map(StoredKey::kid)
                .orElseThrow(() -> new IllegalStateException("no signing key has taken over yet"));
    }

    /** Writes the first key if there is none (it signs at once). Any instance may; one wins the lease. */
    void ensureOne() {
        if (!keys(true).isEmpty()) {
            return;
        }
        leases.withLease(ROTATION_LEASE, Duration.ofSeconds(30), Duration.ofSeconds(30), () -> {
            if (keys(true).isEmpty()) {
                insert(clock.instant());
                log.info("generated the first token signing key");
            }
            return null;
        });
        keys(true);
    }

    /** The scheduled check: adds the next key when the newest one is due to hand over; deletes retired keys. */
    void rotateIfDue() {
        leases.runIfFree(ROTATION_LEASE, Duration.ofMinutes(1), () -> {
            List<StoredKey> keys = keys(true);
            Instant now = clock.instant();
            Optional<StoredKey> newest = keys.stream().findFirst();
            if (newest.isEmpty()) {
                insert(now);
            } else if (!newest.get().signsFrom().plus(policy.rotateEvery()).minus(policy.publishAhead()).isAfter(now)) {
                Instant takesOver = now.plus(policy.publishAhead());
                insert(takesOver);
                log.info("generated the next token signing key; it signs from {}", takesOver);
            }
            deleteRetired(keys(true), now);
        });
        keys(true);
    }

    /**
     * An administrator's rotation now (e.g. a key is suspected to be compromised): the new key signs at once, and
     * with {@code dropPrevious} every older key leaves the JWKS at once too, which ends every token they signed.
     */
    KeyState rotateNow(boolean dropPrevious) {
        return leases.withLease(ROTATION_LEASE, Duration.ofSeconds(30), Duration.ofSeconds(10), () -> {
            Instant now = clock.instant();
            String kid = insert(now);
            if (dropPrevious) {
                mongo.remove(Query.query(Criteria.where("kid").ne(kid)), COLLECTION);
            }
            log.warn("token signing key rotated by an administrator (previous keys {})", dropPrevious ? "dropped" : "retiring");
            keys(true);
            return states().stream().filter(state -> state.kid().equals(kid)).findFirst().orElseThrow();
        });
    }

    List<KeyState> states() {
        Instant now = clock.instant();
        List<StoredKey> keys = keys(true);
        List<KeyState> states = new ArrayList<>();
        for (StoredKey key : keys) {
            Optional<StoredKey> successor = successor(key, keys);
            Instant retiresAt = successor.map(s -> s.signsFrom().plus(policy.retireAfter())).orElse(null);
            String state = key.signsFrom().isAfter(now) ? "PUBLISHED_AHEAD"
                    : successor.isEmpty() || successor.get().signsFrom().isAfter(now) ? "SIGNING" : "RETIRING";
            states.add(new KeyState(key.kid(), key.createdAt(), key.signsFrom(), retiresAt, state));
        }
        return states;
    }

    private boolean isPublished(StoredKey key, List<StoredKey> keys, Instant now) {
        return successor(key, keys).map(s -> s.signsFrom().plus(policy.retireAfter()).isAfter(now)).orElse(true);
    }

    /** The next key to take over after this one (keys are newest first). */
    private static Optional<StoredKey> successor(StoredKey key, List<StoredKey> newestFirst) {
        StoredKey next = null;
        for (StoredKey candidate : newestFirst) {
            if (takesOverAfter(candidate, key)) {
                next = candidate;
            }
        }
        return Optional.ofNullable(next);
    }

    private static boolean takesOverAfter(StoredKey candidate, StoredKey key) {
        int bySignsFrom = candidate.signsFrom().compareTo(key.signsFrom());
        return bySignsFrom > 0 || (bySignsFrom == 0 && candidate.seq() > key.seq());
    }

    private void deleteRetired(List<StoredKey> keys, Instant now) {
        for (StoredKey key : keys) {
            if (!isPublished(key, keys, now)) {
                mongo.remove(Query.query(Criteria.where("kid").is(key.kid())), COLLECTION);
                log.info("deleted the retired token signing key {}", key.kid());
            }
        }
    }

    private List<StoredKey> keys() {
        return keys(false);
    }

    /** All stored keys, newest (latest takeover) first; read again after {@code cache-for} or when asked. */
    private List<StoredKey> keys(boolean fresh) {
        Instant now = clock.instant();
        if (fresh || cachedAt.plus(policy.cacheFor()).isBefore(now)) {
            List<StoredKey> keys = new ArrayList<>();
            for (Document stored : mongo.findAll(Document.class, COLLECTION)) {
                Instant created = stored.getDate("createdAt").toInstant();
                Date signsFrom = stored.getDate("signsFrom");
                Number seq = stored.get("seq", Number.class);
                keys.add(new StoredKey(stored.getString("kid"), seq == null ? 0 : seq.longValue(), created,
                        signsFrom == null ? created : signsFrom.toInstant(), toJwk(stored)));
            }
            // newest first; of two taking over at the same instant, the later written (an administrator's rotation)
            keys.sort(Comparator.comparing(StoredKey::signsFrom).thenComparing(StoredKey::seq).reversed());
            cached = List.copyOf(keys);
            cachedAt = now;
        }
        return cached;
    }

    private String insert(Instant signsFrom) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_SIZE);
            KeyPair pair = generator.generateKeyPair();
            Base64.Encoder base64 = Base64.getEncoder();
            String kid = UUID.randomUUID().toString();
            long seq = keys(true).stream().mapToLong(StoredKey::seq).max().orElse(0) + 1; // writers hold the lease
            mongo.insert(new Document("_id", kid)
                    .append("kid", kid)
                    .append("seq", seq)
                    .append("algorithm", JWSAlgorithm.RS256.getName())
                    .append("publicKey", base64.encodeToString(pair.getPublic().getEncoded()))
                    .append("privateKey", base64.encodeToString(pair.getPrivate().getEncoded()))
                    .append("createdAt", Date.from(clock.instant()))
                    .append("signsFrom", Date.from(signsFrom)), COLLECTION);
            return kid;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    private static RSAKey toJwk(Document stored) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            Base64.Decoder base64 = Base64.getDecoder();
            RSAPublicKey publicKey = (RSAPublicKey) rsa
                    .generatePublic(new X509EncodedKeySpec(base64.decode(stored.getString("publicKey"))));
            RSAPrivateKey privateKey = (RSAPrivateKey) rsa
                    .generatePrivate(new PKCS8EncodedKeySpec(base64.decode(stored.getString("privateKey"))));
            return new RSAKey.Builder(publicKey).privateKey(privateKey)
                    .keyID(stored.getString("kid"))
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.parse(stored.getString("algorithm")))
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored token signing key cannot be read", e);
        }
    }
}
