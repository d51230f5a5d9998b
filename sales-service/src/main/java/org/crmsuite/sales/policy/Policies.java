package org.crmsuite.sales.policy;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.crmsuite.sales.SalesSettings;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The policy in force: what an administrator last stored, else the defaults from {@code crm.sales.policy}. Read from
 * the database on every use, so every instance sees a change at once.
 */
@Service
public class Policies {

    private final MongoTemplate mongo;
    private final SalesSettings settings;
    private final Clock clock;

    Policies(MongoTemplate mongo, SalesSettings settings, Clock clock) {
        this.mongo = mongo;
        this.settings = settings;
        this.clock = clock;
    }

    public SalesPolicy current() {
        return versioned().policy();
    }

    public Versioned versioned() {
        PolicyDocument stored = mongo.findById(PolicyDocument.CURRENT, PolicyDocument.class);
        return stored == null ? new Versioned(settings.policy(), 0L, null, null)
                : new Versioned(stored.policy, stored.revision, stored.updatedAt, stored.updatedBy);
    }

    /** Replaces the policy if {@code expectedVersion} is still the current one (0 = the defaults): one conditional write. */
    Versioned replace(SalesPolicy policy, long expectedVersion, String by) {
        Instant now = clock.instant();
        Document state = new Document();
        mongo.getConverter().write(policy, state);
        Update update = new Update().set("policy", state).set("revision", expectedVersion + 1)
                .set("updatedAt", Date.from(now)).set("updatedBy", by);
        try {
            if (expectedVersion == 0) {
                mongo.insert(new Document("_id", PolicyDocument.CURRENT).append("policy", state)
                        .append("revision", 1L).append("updatedAt", Date.from(now)).append("updatedBy", by), "sales_policy");
            } else if (mongo.updateFirst(Query.query(Criteria.where("_id").is(PolicyDocument.CURRENT).and("revision")
                    .is(expectedVersion)), update, "sales_policy").getMatchedCount() == 0) {
                throw new OptimisticLockingFailureException("policy version " + expectedVersion + " is stale");
            }
        } catch (DuplicateKeyException changedMeanwhile) {
            throw new OptimisticLockingFailureException("policy version 0 is stale");
        }
        return versioned();
    }

    public record Versioned(SalesPolicy policy, long version, Instant updatedAt, String updatedBy) {
    }
}
