package org.crmsuite.notification.rules;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.crmsuite.notification.delivery.Channel;
import org.crmsuite.notification.events.NotifiableEvent;
import org.crmsuite.notification.events.NotifiableEvents;
import org.crmsuite.platform.web.DomainException;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** The notification rules (NO-1, NO-2): seeded with {@link DefaultRules}, edited by ADMIN, read per event. */
@Service
public class Rules {

    private final MongoTemplate mongo;
    private final Clock clock;

    Rules(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Seeds every default rule that is not there (fixed ids: several instances starting together write each once). */
    @EventListener(ApplicationReadyEvent.class)
    public void seedDefaults() {
        if (mongo.count(new Query(), Rule.class) > 0) {
            return;
        }
        for (Rule rule : DefaultRules.all()) {
            try {
                rule.setUpdatedBy("system");
                rule.setUpdatedAt(clock.instant());
                mongo.insert(rule);
            } catch (DuplicateKeyException seededByAnotherInstance) {
                // the same default, written by the other instance
            }
        }
    }

    public List<Rule> forEvent(String eventType) {
        return mongo.find(Query.query(Criteria.where("eventType").is(eventType).and("enabled").is(true)), Rule.class);
    }

    public List<Rule> all() {
        return mongo.find(new Query().with(Sort.by("eventType", "id")), Rule.class);
    }

    public Rule get(String id) {
        Rule rule = mongo.findById(id, Rule.class);
        if (rule == null) {
            throw DomainException.notFound("rule", id);
        }
        return rule;
    }

    public Rule save(Rule rule, String by) {
        validate(rule);
        rule.setUpdatedBy(by);
        rule.setUpdatedAt(clock.instant());
        try {
            return mongo.save(rule);
        } catch (OptimisticLockingFailureException e) {
            throw DomainException.conflict("concurrency.stale-version", "The rule changed meanwhile; reload and retry");
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("rule.exists", "A rule with id '" + rule.getId() + "' exists");
        }
    }

    /** A rule must name a known event type, an audience its data supports, and channels that audience can use. */
    static void validate(Rule rule) {
        NotifiableEvent event = NotifiableEvents.require(rule.getEventType(), "eventType");
        String unsupported = rule.getAudience().unsupportedBy(event);
        if (unsupported != null) {
            throw invalid("audience", rule.getAudience() + " cannot be found for " + event.type() + ": " + unsupported);
        }
        List<String> problems = new ArrayList<>();
        for (Channel channel : rule.getChannels()) {
            if (channel == Channel.WEBHOOK) {
                problems.add("WEBHOOK goes to partner subscriptions, not rules");
            } else if (channel == Channel.INBOX && !rule.getAudience().staff()) {
                problems.add("INBOX is for staff; customers get SMS or EMAIL");
            }
        }
        if (!problems.isEmpty()) {
            throw invalid("channels", String.join("; ", problems));
        }
        if (rule.getConditions() != null) {
            for (String field : rule.getConditions().keySet()) {
                if (!event.fields().contains(field)) {
                    throw invalid("conditions." + field, event.type() + " has no data field '" + field + "'");
                }
            }
        }
    }

    static DomainException invalid(String field, String message) {
        return DomainException.badRequest("request.invalid", field + ": " + message)
                .with("errors", List.of(java.util.Map.of("field", field, "message", message)));
    }
}
