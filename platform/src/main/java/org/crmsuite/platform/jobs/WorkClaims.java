package org.crmsuite.platform.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import jakarta.annotation.PostConstruct;

/**
 * Claims of scheduled work in the service's MongoDB, one per piece of work (a case + deadline + stage: {@code <id>:RESOLVE:3:WARNING}),
 * so that with several instances running the same job each piece is done once: the first insert of the key wins
 * ({@code _id} is unique). A claim left by an instance that died is taken over after the lease; a finished one stays
 * as the record that the work was done (expired after 90 days where the server supports TTL indexes).
 */
public class WorkClaims {

    public static final String COLLECTION = "job_claims";
    private static final Logger log = LoggerFactory.getLogger(WorkClaims.class);

    private final MongoTemplate mongo;
    private final Clock clock;

    public WorkClaims(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @PostConstruct
    void indexes() {
        try {
            mongo.indexOps(COLLECTION).createIndex(new Index().on("doneAt", Sort.Direction.ASC).expire(Duration.ofDays(90))
                    .named("done_ttl"));
        } catch (RuntimeException e) {
            log.info("no TTL index on {} ({}); finished claims are kept", COLLECTION, e.getMessage());
        }
    }

    /** True when {@code owner} now holds the claim on {@code key}: new, its own, or abandoned past {@code lease}. */
    public boolean claim(String key, String owner, Duration lease) {
        Instant now = clock.instant();
        try {
            mongo.insert(new Document("_id", key).append("owner", owner).append("claimedAt", Date.from(now))
                    .append("done", false), COLLECTION);
            return true;
        } catch (DuplicateKeyException taken) {
            Criteria mineOrAbandoned = new Criteria().orOperator(Criteria.where("owner").is(owner),
                    Criteria.where("claimedAt").lt(Date.from(now.minus(lease))));
            Query query = Query.query(new Criteria().andOperator(Criteria.where("_id").is(key), Criteria.where("done").is(false),
                    mineOrAbandoned));
            return mongo.updateFirst(query, new Update().set("owner", owner).set("claimedAt", Date.from(now)), COLLECTION)
                    .getMatchedCount() == 1;
        }
    }

    public void done(String key, String owner) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(key).and("owner").is(owner)),
                new Update().set("done", true).set("doneAt", Date.from(clock.instant())), COLLECTION);
    }

    /** Gives a claim back after a failure, so the next pass of any instance tries again at once. */
    public void release(String key, String owner) {
        mongo.remove(Query.query(Criteria.where("_id").is(key).and("owner").is(owner).and("done").is(false)), COLLECTION);
    }

    public long count(String keyPrefix) {
        return mongo.count(Query.query(Criteria.where("_id").regex("^" + java.util.regex.Pattern.quote(keyPrefix))), COLLECTION);
    }
}
