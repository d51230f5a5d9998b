package org.crmsuite.visit.policy;

import java.time.Clock;
import java.time.Instant;

import org.crmsuite.visit.VisitSettings;
import org.crmsuite.platform.cache.ShortLived;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * The cadence policy in force: what an administrator last stored, else the defaults of {@code crm.visit.policy}.
 * Reused for {@code crm.visit.cache-ttl}: every instance sees a change within that time (this one at once).
 */
@Service
public class Policies {

    private final MongoTemplate mongo;
    private final VisitSettings settings;
    private final Clock clock;
    private final ShortLived<String, Versioned> cache;

    Policies(MongoTemplate mongo, VisitSettings settings, Clock clock) {
        this.mongo = mongo;
        this.settings = settings;
        this.clock = clock;
        this.cache = new ShortLived<>(settings.cacheTtl());
    }

    public CadencePolicy current() {
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
    public Versioned replace(CadencePolicy policy, long expectedVersion, String by) {
        cache.forget(PolicyDocument.CURRENT);
        PolicyDocument stored = mongo.findById(PolicyDocument.CURRENT, PolicyDocument.class);
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
    public record Versioned(CadencePolicy policy, long version, Instant updatedAt, String updatedBy) {
    }
}
