package org.crmsuite.platform.sessions;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.MapSession;
import org.springframework.session.SessionRepository;
import org.springframework.session.UuidSessionIdGenerator;

/**
 * Browser sessions (Spring Session) kept in one MongoDB collection instead of one instance's memory, so that behind a
 * load balancer without affinity a session started at one instance carries on at another: identity's login sessions
 * (login form → authorize endpoint) and the console's. A session is the Java-serialised {@link MapSession} (saved
 * request, CSRF token, security context, OAuth2 client state) with its expiry; an expired one is never returned and
 * is removed by a TTL index where the server has them, and by a sweep ({@code crm.sessions.sweep}) otherwise.
 * The caller enables scheduling for the sweep.
 */
public final class MongoSessions implements SessionRepository<MapSession> {

    private static final Logger log = LoggerFactory.getLogger(MongoSessions.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration timeout;
    private final String collection;

    public MongoSessions(MongoTemplate mongo, Clock clock, Duration timeout, String collection) {
        this.mongo = mongo;
        this.clock = clock;
        this.timeout = timeout;
        this.collection = collection;
        try {
            mongo.indexOps(collection).createIndex(new Index().on("expireAt", Sort.Direction.ASC).expire(Duration.ZERO)
                    .named("expire_at_ttl"));
        } catch (RuntimeException e) {
            log.info("no TTL index on {} ({}); expired sessions are swept instead", collection, e.getMessage());
        }
    }

    @Override
    public MapSession createSession() {
        MapSession session = new MapSession();
        session.setCreationTime(clock.instant());
        session.setLastAccessedTime(clock.instant());
        session.setMaxInactiveInterval(timeout);
        return session;
    }

    @Override
    public void save(MapSession session) {
        if (!session.getId().equals(session.getOriginalId())) {
            // the id changed at login (session fixation protection): the old one must stop working
            deleteById(session.getOriginalId());
        }
        Instant expireAt = session.getLastAccessedTime().plus(session.getMaxInactiveInterval());
        Document document = new Document("_id", session.getId())
                .append("expireAt", Date.from(expireAt))
                .append("session", new Binary(serialise(new MapSession(session)))); // stored with originalId = id
        mongo.save(document, collection);
    }

    @Override
    public MapSession findById(String id) {
        Document document = mongo.findById(id, Document.class, collection);
        if (document == null) {
            return null;
        }
        MapSession session = deserialise(document.get("session", Binary.class));
        if (session == null || expired(session)) {
            deleteById(id);
            return null;
        }
        session.setSessionIdGenerator(UuidSessionIdGenerator.getInstance()); // transient: not stored
        return session;
    }

    private boolean expired(MapSession session) {
        Duration idle = session.getMaxInactiveInterval();
        return !idle.isNegative() && !clock.instant().isBefore(session.getLastAccessedTime().plus(idle));
    }

    @Override
    public void deleteById(String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(id)), collection);
    }

    /** For servers without TTL indexes (the embedded one): expired sessions are removed every few minutes. */
    @Scheduled(fixedDelayString = "${crm.sessions.sweep:5m}", initialDelayString = "${crm.sessions.sweep:5m}")
    public void sweep() {
        mongo.remove(Query.query(Criteria.where("expireAt").lt(Date.from(clock.instant()))), collection);
    }

    private static byte[] serialise(MapSession session) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(session);
        } catch (IOException e) {
            throw new IllegalStateException("a session attribute cannot be stored", e);
        }
        return bytes.toByteArray();
    }

    /** A session written by another Spring Security version may not read back: the person logs in again. */
    private static MapSession deserialise(Binary stored) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stored.getData()))) {
            return (MapSession) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            log.info("a stored session could not be read ({}); treated as absent", e.toString());
            return null;
        }
    }
}
