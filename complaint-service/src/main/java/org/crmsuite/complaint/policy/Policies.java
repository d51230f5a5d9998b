package org.crmsuite.complaint.policy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.crmsuite.complaint.ComplaintSettings;
import org.crmsuite.platform.cache.ShortLived;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * The complaint policy in force: what an administrator last stored, else the defaults of
 * {@code crm.complaint.policy}. Read from the database, reused for {@code crm.complaint.cache-ttl}: every instance
 * sees a change within that time (this one at once).
 */
@Service
public class Policies {

    private final MongoTemplate mongo;
    private final ComplaintSettings settings;
    private final Clock clock;
    private final ShortLived<String, Versioned> cache;

    Policies(MongoTemplate mongo, ComplaintSettings settings, Clock clock) {
        this.mongo = mongo;
        this.settings = settings;
        this.clock = clock;
        this.cache = new ShortLived<>(settings.cacheTtl() == null ? Duration.ZERO : settings.cacheTtl());
    }

    public ComplaintPolicy current() {
        return versioned().policy();
    }

    public Versioned versioned() {
        return cache.get(PolicyDocument.CURRENT, id -> read());
    }

    private Versioned read() {
        PolicyDocument stored = mongo.findById(PolicyDocument.CURRENT, PolicyDocument.class);
        return stored == null ? new Versioned(settings.policy(), 0L, null, null)
                : new Versioned(stored.policy, stored.version + 1, stored.updatedAt, stored.updatedBy);
    }

    /** Replaces the policy; {@code expectedVersion} is the version the administrator last read (0 = the defaults). */
    public Versioned replace(ComplaintPolicy policy, long expectedVersion, String by) {
        PolicyDocument stored = mongo.findById(PolicyDocument.CURRENT, PolicyDocument.class);
        cache.forget(PolicyDocument.CURRENT);
        long current = stored == null ? 0L : stored.version + 1;
        if (current != expectedVersion) {
            throw new OptimisticLockingFailureException("policy version " + expectedVersion + " is stale");
        }
        Instant now = clock.instant();
        PolicyDocument next = stored == null ? new PolicyDocument() : stored;
        if (stored == null) {
            next.createdAt = now;
        }
        next.policy = policy;
        next.updatedAt = now;
        next.updatedBy = by;
        mongo.save(next);
        cache.forget(PolicyDocument.CURRENT);
        return versioned();
    }

    /** The policy with the version an update must name (0 = the defaults, never changed). */
    public record Versioned(ComplaintPolicy policy, long version, Instant updatedAt, String updatedBy) {
    }
}
