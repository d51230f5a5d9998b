package org.crmsuite.notification.partners;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.crmsuite.notification.NotificationSettings;
import org.crmsuite.notification.delivery.Attempt;
import org.crmsuite.notification.delivery.Channel;
import org.crmsuite.notification.delivery.Delivery;
import org.crmsuite.notification.delivery.DeliveryStatus;
import org.crmsuite.notification.delivery.Recipient;
import org.crmsuite.notification.events.NotifiableEvents;
import org.crmsuite.platform.web.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** NO-3 partner subscriptions: create, change, rotate the secret, pause/resume, the delivery log and replays. */
@Service
public class Subscriptions {

    private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final CallbackUrls urls;
    private final NotificationSettings settings;

    Subscriptions(MongoTemplate mongo, Clock clock, CallbackUrls urls, NotificationSettings settings) {
        this.mongo = mongo;
        this.clock = clock;
        this.urls = urls;
        this.settings = settings;
    }

    public record Created(Subscription subscription, String secret) {
    }

    public Created create(String partnerId, List<String> eventTypes, String url, String contactEmail, String description) {
        Subscription s = new Subscription();
        s.setPartnerId(partnerId);
        s.setEventTypes(checkTypes(eventTypes));
        s.setUrl(urls.check(url).toString());
        s.setContactEmail(contactEmail);
        s.setDescription(description);
        String secret = WebhookSignature.newSecret();
        s.setSecrets(new ArrayList<>(List.of(new Subscription.Secret(secret, clock.instant(), null))));
        s.setCreatedAt(clock.instant());
        s.setUpdatedAt(clock.instant());
        return new Created(mongo.insert(s), secret);
    }

    /** Seeds a subscription with a known secret (demo data); nothing if the id exists. */
    public void seed(String id, String partnerId, List<String> eventTypes, String url, String contactEmail, String secret) {
        if (mongo.findById(id, Subscription.class) != null) {
            return;
        }
        Subscription s = new Subscription();
        s.setId(id);
        s.setPartnerId(partnerId);
        s.setEventTypes(eventTypes);
        s.setUrl(url);
        s.setContactEmail(contactEmail);
        s.setDescription("local demo sink");
        s.setSecrets(new ArrayList<>(List.of(new Subscription.Secret(secret, clock.instant(), null))));
        s.setCreatedAt(clock.instant());
        s.setUpdatedAt(clock.instant());
        try {
            mongo.insert(s);
        } catch (DuplicateKeyException seededByAnotherInstance) {
            // the other instance wrote it
        }
    }

    private static List<String> checkTypes(List<String> eventTypes) {
        for (int i = 0; i < eventTypes.size(); i++) {
            NotifiableEvents.requirePartnerVisible(eventTypes.get(i), "eventTypes[" + i + "]");
        }
        return List.copyOf(new LinkedHashSet<>(eventTypes));
    }

    public Subscription get(String id) {
        Subscription s = mongo.findById(id, Subscription.class);
        if (s == null) {
            throw DomainException.notFound("subscription", id);
        }
        return s;
    }

    public List<Subscription> list(String partnerId) {
        Query query = partnerId == null ? new Query() : Query.query(Criteria.where("partnerId").is(partnerId));
        return mongo.find(query.with(Sort.by("createdAt")), Subscription.class);
    }

    public List<Subscription> subscribedTo(String eventType) {
        return mongo.find(Query.query(Criteria.where("eventTypes").is(eventType).and("status")
                .in(Subscription.Status.ACTIVE, Subscription.Status.PAUSED)), Subscription.class);
    }

    public Subscription update(Subscription s, List<String> eventTypes, String url, String contactEmail, String description,
            Long version) {
        if (version == null || !version.equals(s.getVersion())) {
            throw DomainException.conflict("concurrency.stale-version", "The subscription is at version " + s.getVersion());
        }
        s.setEventTypes(checkTypes(eventTypes));
        s.setUrl(urls.check(url).toString());
        s.setContactEmail(contactEmail);
        s.setDescription(description);
        return save(s);
    }

    private Subscription save(Subscription s) {
        s.setUpdatedAt(clock.instant());
        try {
            return mongo.save(s);
        } catch (OptimisticLockingFailureException e) {
            throw DomainException.conflict("concurrency.stale-version", "The subscription changed meanwhile; reload and retry");
        }
    }

    public record Rotated(String secret, Instant previousValidUntil) {
    }

    /** A new secret; the current one keeps signing (a second signature) for the overlap, then it is dropped. */
    public Rotated rotate(Subscription s) {
        Instant now = clock.instant();
        Instant until = now.plus(settings.getWebhook().getSecretOverlap());
        List<Subscription.Secret> kept = new ArrayList<>();
        String secret = WebhookSignature.newSecret();
        kept.add(new Subscription.Secret(secret, now, null));
        for (Subscription.Secret old : s.getSecrets()) {
            if (old.expiresAt() == null) {
                kept.add(new Subscription.Secret(old.value(), old.createdAt(), until));
            } else if (old.expiresAt().isAfter(now)) {
                kept.add(old);
            }
        }
        s.setSecrets(kept);
        save(s);
        return new Rotated(secret, until);
    }

    /** The secrets that sign now: the current one first, then any still in their overlap. */
    public List<String> signingSecrets(Subscription s) {
        Instant now = clock.instant();
        return s.getSecrets().stream().filter(x -> x.expiresAt() == null || x.expiresAt().isAfter(now))
                .map(Subscription.Secret::value).toList();
    }

    public Subscription pause(Subscription s, String reason) {
        if (s.getStatus() == Subscription.Status.DISABLED) {
            throw DomainException.conflict("subscription.disabled", "A disabled subscription cannot be paused");
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(s.getId()).and("status").is(Subscription.Status.ACTIVE)),
                new Update().set("status", Subscription.Status.PAUSED).set("pausedAt", clock.instant()).set("pauseReason", reason)
                        .inc("version", 1), Subscription.class);
        return get(s.getId());
    }

    /** Active again: failures forgotten, held deliveries due now. */
    public Subscription resume(Subscription s) {
        if (s.getStatus() == Subscription.Status.DISABLED) {
            throw DomainException.conflict("subscription.disabled", "The partner answered 410 Gone or deleted it; create a new one");
        }
        Instant now = clock.instant();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(s.getId())), new Update().set("status", Subscription.Status.ACTIVE)
                .set("consecutiveFailures", 0).unset("pausedAt").unset("pauseReason").inc("version", 1), Subscription.class);
        mongo.updateMulti(Query.query(Criteria.where("subscriptionId").is(s.getId()).and("status").is(DeliveryStatus.HELD)),
                new Update().set("status", DeliveryStatus.PENDING).set("nextAttemptAt", now), Delivery.class);
        return get(s.getId());
    }

    public void disable(Subscription s, String reason) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(s.getId())), new Update().set("status", Subscription.Status.DISABLED)
                .set("lastError", reason).inc("version", 1), Subscription.class);
        mongo.updateMulti(Query.query(Criteria.where("subscriptionId").is(s.getId()).and("status")
                .in(DeliveryStatus.PENDING, DeliveryStatus.HELD)), new Update().set("status", DeliveryStatus.FAILED)
                        .set("lastError", "subscription disabled: " + reason), Delivery.class);
    }

    /** NO-3: counts a failed attempt; at the policy's limit the subscription pauses and the partner's contact is told. */
    void failed(String subscriptionId, String error, int pauseAfter) {
        Subscription s = mongo.findAndModify(Query.query(Criteria.where("_id").is(subscriptionId)),
                new Update().inc("consecutiveFailures", 1).set("lastError", error), FindAndModifyOptions.options().returnNew(true),
                Subscription.class);
        if (s == null || s.getStatus() != Subscription.Status.ACTIVE || s.getConsecutiveFailures() < pauseAfter) {
            return;
        }
        Instant now = clock.instant();
        boolean pausedNow = mongo.updateFirst(Query.query(Criteria.where("_id").is(subscriptionId).and("status")
                .is(Subscription.Status.ACTIVE)), new Update().set("status", Subscription.Status.PAUSED).set("pausedAt", now)
                        .set("pauseReason", s.getConsecutiveFailures() + " consecutive failures").inc("version", 1),
                Subscription.class).getModifiedCount() == 1;
        if (pausedNow) {
            log.warn("NO-3: subscription {} of {} paused after {} consecutive failures ({})", s.getId(), s.getPartnerId(),
                    s.getConsecutiveFailures(), error);
            noticePause(s, error, now);
        }
    }

    void succeeded(String subscriptionId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(subscriptionId).and("consecutiveFailures").gt(0)),
                new Update().set("consecutiveFailures", 0), Subscription.class);
    }

    /** The pause notice to the partner's contact: an urgent e-mail delivery, sent and retried like any other. */
    private void noticePause(Subscription s, String error, Instant now) {
        if (s.getContactEmail() == null) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("subscriptionId", s.getId());
        data.put("partnerId", s.getPartnerId());
        data.put("url", s.getUrl());
        data.put("failures", s.getConsecutiveFailures());
        data.put("lastError", error);
        Delivery notice = new Delivery();
        notice.setId("paused:" + s.getId() + ":" + now.toEpochMilli());
        notice.setEventId(notice.getId());
        notice.setEventType(NotifiableEvents.SUBSCRIPTION_PAUSED);
        notice.setSubject(s.getId());
        notice.setEventTime(now);
        notice.setChannel(Channel.EMAIL);
        notice.setAudience("PARTNER_CONTACT");
        notice.setUrgent(true);
        notice.setRecipient(new Recipient(Recipient.PARTNER, s.getPartnerId(), s.getPartnerId(), s.getContactEmail(), "en"));
        notice.setData(data);
        notice.setStatus(DeliveryStatus.PENDING);
        notice.setNextAttemptAt(now);
        notice.setCreatedAt(now);
        try {
            mongo.insert(notice);
        } catch (DuplicateKeyException once) {
            // already noticed
        }
    }

    public record DeliveryPage(List<Delivery> items, int page, int size, long totalItems) {
    }

    public DeliveryPage deliveries(Subscription s, DeliveryStatus status, int page, int size) {
        Criteria criteria = Criteria.where("subscriptionId").is(s.getId());
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, Delivery.class);
        query.fields().exclude("data");
        return new DeliveryPage(mongo.find(query.with(Sort.by(Sort.Direction.DESC, "createdAt")).skip((long) page * size)
                .limit(size), Delivery.class), page, size, total);
    }

    /** Sends one delivery again with the same {@code webhook-id}. */
    public Delivery replay(Subscription s, String deliveryId) {
        Delivery d = mongo.findById(deliveryId, Delivery.class);
        if (d == null || !s.getId().equals(d.getSubscriptionId())) {
            throw DomainException.notFound("delivery", deliveryId);
        }
        if (d.getStatus() == DeliveryStatus.PENDING) {
            throw DomainException.conflict("delivery.in-progress", "The delivery is still being tried");
        }
        requireNotDisabled(s);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(deliveryId)), replayUpdate(), Delivery.class);
        return mongo.findById(deliveryId, Delivery.class);
    }

    /** Sends every finished delivery created in [from, to) again. */
    public long replay(Subscription s, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw DomainException.badRequest("request.invalid", "from: must be before to")
                    .with("errors", List.of(Map.of("field", "from", "message", "must be before to")));
        }
        requireNotDisabled(s);
        return mongo.updateMulti(Query.query(Criteria.where("subscriptionId").is(s.getId()).and("createdAt").gte(from).lt(to)
                .and("status").in(DeliveryStatus.SENT, DeliveryStatus.FAILED)), replayUpdate(), Delivery.class).getModifiedCount();
    }

    private static void requireNotDisabled(Subscription s) {
        if (s.getStatus() == Subscription.Status.DISABLED) {
            throw DomainException.conflict("subscription.disabled", "The subscription is disabled");
        }
    }

    private Update replayUpdate() {
        return new Update().set("status", DeliveryStatus.PENDING).set("nextAttemptAt", clock.instant()).set("attempts", 0)
                .inc("replays", 1).push("log", new Attempt(clock.instant(), Channel.WEBHOOK, null, null, "REPLAY", null,
                        "replay requested", null));
    }
}
