package org.crmsuite.notification.policy;

import java.time.Clock;
import java.time.ZoneId;

import org.bson.Document;
import org.crmsuite.platform.web.DomainException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/** The one policy document ({@code policy/current}); the defaults until an ADMIN saves one. */
@Service
public class Policies {

    static final String COLLECTION = "policy";
    static final String ID = "current";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final JsonMapper json;

    Policies(MongoTemplate mongo, Clock clock, JsonMapper json) {
        this.mongo = mongo;
        this.clock = clock;
        this.json = json;
    }

    public NotificationPolicy current() {
        Document stored = mongo.findById(ID, Document.class, COLLECTION);
        if (stored == null) {
            return NotificationPolicy.defaults().withVersion(0L);
        }
        return json.readValue(stored.get("policy", Document.class).toJson(), NotificationPolicy.class)
                .withVersion(stored.get("version", Number.class).longValue());
    }

    /** Replaces the policy if {@code version} is the stored one (0 for the defaults). */
    public NotificationPolicy replace(NotificationPolicy policy, String by) {
        try {
            ZoneId.of(policy.zone());
            ZoneId.of(policy.quietHours().zone());
        } catch (RuntimeException e) {
            throw DomainException.badRequest("request.invalid", "zone: not a time zone id").with("errors",
                    java.util.List.of(java.util.Map.of("field", "zone", "message", "not a time zone id")));
        }
        long expected = policy.version() == null ? -1 : policy.version();
        Document body = Document.parse(json.writeValueAsString(policy.withVersion(null)));
        body.remove("version");
        Update update = new Update().set("policy", body).set("version", expected + 1).set("updatedBy", by)
                .set("updatedAt", clock.instant());
        if (expected == 0) {
            try {
                mongo.insert(new Document("_id", ID).append("policy", body).append("version", 1L).append("updatedBy", by)
                        .append("updatedAt", java.util.Date.from(clock.instant())), COLLECTION);
                return current();
            } catch (org.springframework.dao.DuplicateKeyException raced) {
                throw stale();
            }
        }
        Document saved = mongo.findAndModify(Query.query(Criteria.where("_id").is(ID).and("version").is(expected)), update,
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
        if (saved == null) {
            throw stale();
        }
        return current();
    }

    private static DomainException stale() {
        return DomainException.conflict("concurrency.stale-version", "The policy changed meanwhile; reload and retry");
    }
}
