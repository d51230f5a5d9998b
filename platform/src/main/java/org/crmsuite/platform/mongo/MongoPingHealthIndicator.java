package org.crmsuite.platform.mongo;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The {@code mongo} health check, by {@code ping} on this service's own database. Boot 4's own check sends
 * {@code hello} to every database on the server, which the embedded MongoDB wire server (tests, the local run) does
 * not know: as soon as a database exists it would report DOWN, and /actuator/health 503, although MongoDB answers.
 * {@code ping} works on every MongoDB. Registered as {@code mongoHealthIndicator}, so Boot's check stands back.
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    public MongoPingHealthIndicator(MongoTemplate mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document reply = mongo.executeCommand(new Document("ping", 1));
        builder.up().withDetail("database", mongo.getDb().getName()).withDetail("ping", reply.get("ok"));
    }
}
