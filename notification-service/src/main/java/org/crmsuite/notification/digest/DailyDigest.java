package org.crmsuite.notification.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crmsuite.notification.delivery.Channel;
import org.crmsuite.notification.delivery.Delivery;
import org.crmsuite.notification.delivery.DeliveryStatus;
import org.crmsuite.notification.delivery.Dispatcher;
import org.crmsuite.notification.events.NotifiableEvents;
import org.crmsuite.notification.policy.NotificationPolicy;
import org.crmsuite.notification.policy.Policies;
import org.crmsuite.notification.templates.Templates;
import org.crmsuite.platform.jobs.WorkClaims;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * NO-2 daily digest (policy {@code digestEnabled}, {@code digestTime}): the e-mails of digest rules wait as DIGEST;
 * once a day, from the digest time on, each staff member gets one e-mail listing them. Once per person and day across
 * instances ({@link WorkClaims} {@code digest:<staff>:<date>}); the digest's own id is fixed, so a pass repeated after a
 * crash makes no second one.
 */
@Service
public class DailyDigest {

    private static final Duration CLAIM_LEASE = Duration.ofMinutes(10);
    private static final int MAX_ITEMS = 200;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Policies policies;
    private final Templates templates;
    private final WorkClaims claims;
    private final Dispatcher dispatcher;
    private final String owner = "digest-" + java.util.UUID.randomUUID();

    DailyDigest(MongoTemplate mongo, Clock clock, Policies policies, Templates templates, WorkClaims claims,
            Dispatcher dispatcher) {
        this.mongo = mongo;
        this.clock = clock;
        this.policies = policies;
        this.templates = templates;
        this.claims = claims;
        this.dispatcher = dispatcher;
    }

    /** @return how many digests this pass made */
    public int runOnce() {
        NotificationPolicy policy = policies.current();
        Instant now = clock.instant();
        ZonedDateTime local = now.atZone(ZoneId.of(policy.zone()));
        if (local.toLocalTime().isBefore(policy.digestTime())) {
            return 0;
        }
        LocalDate date = local.toLocalDate();
        Instant cutOff = local.with(policy.digestTime()).toInstant();
        @SuppressWarnings("unchecked")
        List<String> staff = mongo.findDistinct(Query.query(Criteria.where("status").is(DeliveryStatus.DIGEST)
                .and("createdAt").lte(cutOff)), "recipient.id", Delivery.class, String.class);
        int made = 0;
        for (String staffId : staff) {
            String key = "digest:" + staffId + ":" + date;
            if (!claims.claim(key, owner, CLAIM_LEASE)) {
                continue;
            }
            try {
                if (digest(staffId, date, cutOff, local.getZone())) {
                    made++;
                }
                claims.done(key, owner);
            } catch (RuntimeException e) {
                claims.release(key, owner);
                throw e;
            }
        }
        if (made > 0) {
            dispatcher.nudge();
        }
        return made;
    }

    private boolean digest(String staffId, LocalDate date, Instant cutOff, ZoneId zone) {
        List<Delivery> waiting = mongo.find(Query.query(Criteria.where("status").is(DeliveryStatus.DIGEST)
                .and("recipient.id").is(staffId).and("createdAt").lte(cutOff)).with(Sort.by("createdAt")).limit(MAX_ITEMS),
                Delivery.class);
        if (waiting.isEmpty()) {
            return false;
        }
        Delivery first = waiting.get(0);
        String locale = first.getRecipient().locale();
        List<Map<String, Object>> items = new ArrayList<>();
        for (Delivery d : waiting) {
            Map<String, Object> item = new LinkedHashMap<>();
            var line = templates.render(d.getEventType(), Channel.INBOX, locale, contextOf(d), zone);
            item.put("title", line.map(r -> r.subject()).orElse(d.getEventType()));
            item.put("line", line.map(r -> r.body()).orElse(""));
            items.add(item);
        }
        String id = "digest:" + staffId + ":" + date;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("date", date.toString());
        data.put("count", items.size());
        data.put("items", items);
        Delivery digest = new Delivery();
        digest.setId(id);
        digest.setEventId(id);
        digest.setEventType(NotifiableEvents.DIGEST);
        digest.setSubject(staffId);
        digest.setEventTime(clock.instant());
        digest.setChannel(Channel.EMAIL);
        digest.setAudience("DIGEST");
        digest.setRecipient(first.getRecipient());
        digest.setData(data);
        digest.setStatus(DeliveryStatus.PENDING);
        digest.setNextAttemptAt(clock.instant());
        digest.setCreatedAt(clock.instant());
        try {
            mongo.insert(digest);
        } catch (DuplicateKeyException madeBeforeACrash) {
            // the digest exists; only the items still need marking
        }
        mongo.updateMulti(Query.query(Criteria.where("_id").in(waiting.stream().map(Delivery::getId).toList())
                .and("status").is(DeliveryStatus.DIGEST)), new Update().set("status", DeliveryStatus.DIGESTED).set("digestId", id),
                Delivery.class);
        return true;
    }

    private static Map<String, Object> contextOf(Delivery d) {
        Map<String, Object> context = new LinkedHashMap<>();
        if (d.getData() != null) {
            context.putAll(d.getData());
        }
        context.put("recipientName", d.getRecipient().name());
        context.put("eventId", d.getEventId());
        context.put("eventType", d.getEventType());
        context.put("subject", d.getSubject());
        context.put("time", d.getEventTime() == null ? null : d.getEventTime().toString());
        return context;
    }
}
