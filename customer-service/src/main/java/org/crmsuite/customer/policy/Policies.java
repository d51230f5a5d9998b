package org.crmsuite.customer.policy;

import java.time.Clock;
import java.util.Objects;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * The policy in force: what an administrator last stored, else the defaults from {@code crm.customer.policy}. Read
 * from the database on every use, so every instance sees a change at once (no shared in-memory state).
 */
@Service
public class Policies {

    private final MongoTemplate mongo;
    private final CustomerSettings settings;
    private final Clock clock;

    Policies(MongoTemplate mongo, CustomerSettings settings, Clock clock) {
        this.mongo = mongo;
        this.settings = settings;
        this.clock = clock;
    }

    public CustomerPolicy current() {
        return versioned().policy();
    }

    public Versioned versioned() {
        PolicyDocument stored = mongo.findById(PolicyDocument.CURRENT, PolicyDocument.class);
        return stored == null ? new Versioned(settings.policy(), 0L, null, null)
                : new Versioned(stored.policy, stored.version + 1, stored.updatedAt, stored.updatedBy);
    }

    /** Replaces the policy; {@code expectedVersion} is what the administrator last read (0 for the defaults). */
    Versioned replace(CustomerPolicy policy, long expectedVersion, String by) {
        PolicyDocument stored = mongo.findById(PolicyDocument.CURRENT, PolicyDocument.class);
        long current = stored == null ? 0L : stored.version + 1;
        if (current != expectedVersion) {
            throw new OptimisticLockingFailureException("policy version " + expectedVersion + " is stale");
        }
        PolicyDocument next = Objects.requireNonNullElseGet(stored, PolicyDocument::new);
        next.policy = policy;
        next.updatedAt = clock.instant();
        next.updatedBy = by;
        mongo.save(next);
        return versioned();
    }

    /** The policy with the version an update must name (0 = the defaults, never changed). */
    public record Versioned(CustomerPolicy policy, long version, java.time.Instant updatedAt, String updatedBy) {
    }
}
