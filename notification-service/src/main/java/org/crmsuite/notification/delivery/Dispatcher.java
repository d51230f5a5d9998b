package org.crmsuite.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.crmsuite.notification.NotificationSettings;
import org.crmsuite.notification.events.NotifiableEvent;
import org.crmsuite.notification.events.NotifiableEvents;
import org.crmsuite.notification.policy.NotificationPolicy;
import org.crmsuite.notification.policy.Policies;
import org.crmsuite.notification.policy.QuietHours;
import org.crmsuite.notification.preferences.Preferences;
import org.crmsuite.notification.rules.Rule;
import org.crmsuite.notification.rules.Rules;
import org.crmsuite.notification.staff.DirectoryUnavailableException;
import org.crmsuite.notification.templates.Templates;
import org.crmsuite.platform.web.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import jakarta.annotation.PreDestroy;

/**
 * Works off what is due, on any number of instances (NO-4): first notification requests (recipients resolved into
 * deliveries), then deliveries (rendered, sent, logged, rescheduled). Each document is claimed with one
 * {@code findAndModify} that sets {@code lockedUntil}; a claim whose holder died runs out and another instance takes the
 * work over, so a crash mid-way loses nothing (at worst a message is sent again, with the same id).
 */
@Service
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final NotificationSettings settings;
    private final Rules rules;
    private final RecipientResolver resolver;
    private final Templates templates;
    private final Policies policies;
    private final Preferences preferences;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final String instance = UUID.randomUUID().toString();
    private final ExecutorService pool;
    private final ExecutorService nudges = Executors.newSingleThreadExecutor(r -> daemon(r, "dispatch-nudge"));
    private final AtomicBoolean nudgePending = new AtomicBoolean();

    Dispatcher(MongoTemplate mongo, Clock clock, NotificationSettings settings, Rules rules, RecipientResolver resolver,
            Templates templates, Policies policies, Preferences preferences, List<ChannelSender> channelSenders) {
        this.mongo = mongo;
        this.clock = clock;
        this.settings = settings;
        this.rules = rules;
        this.resolver = resolver;
        this.templates = templates;
        this.policies = policies;
        this.preferences = preferences;
        channelSenders.forEach(s -> senders.put(s.channel(), s));
        this.pool = Executors.newFixedThreadPool(Math.max(1, settings.getDispatch().getSenders()), r -> daemon(r, "dispatch"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Retention: TTL indexes on the delivery log and expanded requests (the embedded test server has none). */
    @jakarta.annotation.PostConstruct
    void retention() {
        Duration keep = settings.getDispatch().getRetention();
        try {
            mongo.indexOps(Delivery.class).createIndex(new org.springframework.data.mongodb.core.index.Index()
                    .on("createdAt", Sort.Direction.ASC).expire(keep).named("retention"));
            mongo.indexOps(NotificationRequest.class).createIndex(new org.springframework.data.mongodb.core.index.Index()
                    .on("expandedAt", Sort.Direction.ASC).expire(keep).named("retention"));
        } catch (RuntimeException e) {
            log.info("no TTL indexes for the delivery log ({}); deliveries are kept", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        nudges.shutdownNow();
        pool.shutdown();
    }

    /** Result of one pass: requests expanded, requests postponed, deliveries attempted. */
    public record Pass(int expanded, int postponed, int attempted) {
    }

    /** Asks for a pass soon (new requests arrived); several nudges make one pass. Only when the schedulers run. */
    public void nudge() {
        if (!settings.getJobs().isEnabled() || !nudgePending.compareAndSet(false, true)) {
            return;
        }
        nudges.execute(() -> {
            nudgePending.set(false);
            try {
                runOnce();
            } catch (RuntimeException e) {
                log.warn("dispatch pass failed: {}", e.toString());
            }
        });
    }

    /** One pass over everything due now (called by the scheduler, by nudges, and by tests). */
    public synchronized Pass runOnce() {
        NotificationPolicy policy = policies.current();
        int expanded = 0;
        int postponed = 0;
        List<NotificationRequest> requests = claimRequests(settings.getDispatch().getBatchSize());
        for (int i = 0; i < requests.size(); i++) {
            Expansion outcome = expand(requests.get(i), policy);
            if (outcome == Expansion.DONE) {
                expanded++;
            } else if (outcome == Expansion.POSTPONED) {
                postponed++;
            } else { // identity's breaker is open: the rest waits, in its turn, for a pass after it lets calls through
                release(requests.subList(i + 1, requests.size()));
                break;
            }
        }
        int attempted = 0;
        while (true) {
            List<Delivery> batch = claimDeliveries(settings.getDispatch().getBatchSize());
            if (batch.isEmpty()) {
                break;
            }
            List<Future<?>> running = new ArrayList<>();
            for (Delivery delivery : batch) {
                running.add(pool.submit(() -> attempt(delivery, policy)));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Pass(expanded, postponed, attempted);
                } catch (java.util.concurrent.ExecutionException e) {
                    log.warn("delivery attempt failed unexpectedly: {}", e.getCause().toString());
                }
            }
            attempted += batch.size();
            if (batch.size() < settings.getDispatch().getBatchSize()) {
                break;
            }
        }
        return new Pass(expanded, postponed, attempted);
    }

    // ------------------------------------------------------------------ requests → deliveries

    private List<NotificationRequest> claimRequests(int max) {
        Instant now = clock.instant();
        return claim(due(NotificationRequest.Status.PENDING, now), max, now, NotificationRequest.class);
    }

    /** What became of a claimed request: expanded into deliveries, postponed after a failed try, or not tried. */
    private enum Expansion {
        DONE, POSTPONED, DIRECTORY_CLOSED
    }

    private Expansion expand(NotificationRequest request, NotificationPolicy policy) {
        Instant now = clock.instant();
        Rule rule;
        try {
            rule = rules.get(request.getRuleId());
        } catch (DomainException gone) {
            markExpanded(request, 0, "rule " + request.getRuleId() + " no longer exists");
            return Expansion.DONE;
        }
        List<RecipientResolver.Person> people;
        try {
            people = resolver.resolve(rule, request.getData());
        } catch (DirectoryUnavailableException e) {
            if (e.breakerOpen()) {
                // not a try: identity is known to be away. The request stays due and keeps its place in the queue,
                // so a burst (say, the visit plans made at start-up) does not push every notification back by the
                // retry delay, and one that arrives during the outage goes out as soon as identity answers again.
                mongo.updateFirst(Query.query(Criteria.where("_id").is(request.getId()).and("lockedBy").is(instance)),
                        new Update().set("lastError", e.getMessage()).unset("lockedUntil").unset("lockedBy"),
                        NotificationRequest.class);
                return Expansion.DIRECTORY_CLOSED;
            }
            int attempts = request.getAttempts() + 1;
            Duration delay = settings.getDirectory().getRetryDelay().multipliedBy(1L << Math.min(attempts - 1, 10));
            if (delay.compareTo(settings.getDirectory().getMaxRetryDelay()) > 0) {
                delay = settings.getDirectory().getMaxRetryDelay();
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(request.getId()).and("lockedBy").is(instance)),
                    new Update().set("attempts", attempts).set("nextAttemptAt", now.plus(delay))
                            .set("lastError", e.getMessage()).unset("lockedUntil").unset("lockedBy"),
                    NotificationRequest.class);
            log.warn("recipients of {} postponed {}: {}", request.getId(), delay, e.getMessage());
            return Expansion.POSTPONED;
        }
        NotifiableEvent event = NotifiableEvents.find(request.getEventType()).orElseThrow();
        boolean urgent = event.urgent(request.getData());
        int made = 0;
        for (RecipientResolver.Person person : people) {
            for (Channel channel : rule.getChannels()) {
                Delivery delivery = new Delivery();
                delivery.setId(request.getEventId() + ":" + rule.getId() + ":" + channel + ":" + person.id());
                delivery.setEventId(request.getEventId());
                delivery.setEventType(request.getEventType());
                delivery.setSubject(request.getSubject());
                delivery.setEventTime(request.getEventTime());
                delivery.setRuleId(rule.getId());
                delivery.setChannel(channel);
                delivery.setAudience(rule.getAudience().name());
                delivery.setUrgent(urgent);
                delivery.setCare(rule.isCare());
                delivery.setRecipient(new Recipient(person.kind(), person.id(), person.name(), person.address(channel),
                        person.locale()));
                delivery.setData(request.getData());
                delivery.setCreatedAt(now);
                delivery.setNextAttemptAt(now);
                String skip = null;
                if (rule.isCare() && Recipient.CUSTOMER.equals(person.kind()) && preferences.careOptedOut(person.id())) {
                    skip = "NO-1: the customer opted out of care messages";
                } else if (person.address(channel) == null) {
                    skip = "no " + channel + " address for the recipient";
                }
                if (skip != null) {
                    delivery.setStatus(DeliveryStatus.SKIPPED);
                    delivery.setLastError(skip);
                    delivery.getLog().add(new Attempt(now, channel, null, Masking.mask(channel, person.address(channel)),
                            "SKIPPED", null, skip, null));
                } else if (rule.isDigest() && channel == Channel.EMAIL && !urgent && policy.digestEnabled()
                        && Recipient.STAFF.equals(person.kind()) && wantsDigest(person.id())) {
                    delivery.setStatus(DeliveryStatus.DIGEST);
                } else {
                    delivery.setStatus(DeliveryStatus.PENDING);
                }
                try {
                    mongo.insert(delivery);
                    made++;
                } catch (DuplicateKeyException madeBeforeACrash) {
                    // expanded before by an instance that died before marking the request
                }
            }
        }
        if (people.isEmpty()) {
            log.info("{}: nobody to notify for {} ({})", rule.getId(), request.getEventId(), rule.getAudience());
        }
        markExpanded(request, made, people.isEmpty() ? "no recipient found for " + rule.getAudience() : null);
        return Expansion.DONE;
    }

    /** Gives back claimed requests untouched: still due, for this or another instance's next pass. */
    private void release(List<NotificationRequest> requests) {
        if (requests.isEmpty()) {
            return;
        }
        mongo.updateMulti(Query.query(Criteria.where("_id").in(requests.stream().map(NotificationRequest::getId).toList())
                .and("lockedBy").is(instance)), new Update().unset("lockedUntil").unset("lockedBy"),
                NotificationRequest.class);
    }

    private boolean wantsDigest(String staffId) {
        return preferences.find(Preferences.staffKey(staffId)).map(p -> p.digest() == null || p.digest()).orElse(true);
    }

    private void markExpanded(NotificationRequest request, int deliveries, String note) {
        Update update = new Update().set("status", NotificationRequest.Status.EXPANDED).set("expandedAt", clock.instant())
                .set("deliveries", deliveries).unset("lockedUntil").unset("lockedBy");
        if (note != null) {
            update.set("lastError", note);
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(request.getId())), update, NotificationRequest.class);
    }

    // ------------------------------------------------------------------ deliveries

    private List<Delivery> claimDeliveries(int max) {
        Instant now = clock.instant();
        return claim(due(DeliveryStatus.PENDING, now), max, now, Delivery.class);
    }

    private static Criteria due(Object status, Instant now) {
        return new Criteria().andOperator(Criteria.where("status").is(status), Criteria.where("nextAttemptAt").lte(now),
                new Criteria().orOperator(Criteria.where("lockedUntil").is(null), Criteria.where("lockedUntil").lte(now)));
    }

    /**
     * Claims up to {@code max} due documents, longest due first (the {@code due} index): one query finds candidates,
     * then each is taken with a findAndModify on its id that repeats the due condition, so of two instances racing for
     * the same document exactly one gets it.
     */
    private <T> List<T> claim(Criteria due, int max, Instant now, Class<T> type) {
        Query candidates = Query.query(due).with(Sort.by("nextAttemptAt", "_id")).limit(max);
        candidates.fields().include("_id");
        List<T> claimed = new ArrayList<>();
        Update take = new Update().set("lockedUntil", now.plus(settings.getDispatch().getClaimLease())).set("lockedBy", instance);
        for (org.bson.Document candidate : mongo.find(candidates, org.bson.Document.class, mongo.getCollectionName(type))) {
            T mine = mongo.findAndModify(Query.query(new Criteria().andOperator(Criteria.where("_id").is(candidate.get("_id")), due)),
                    take, FindAndModifyOptions.options().returnNew(true), type);
            if (mine != null) {
                claimed.add(mine);
            }
        }
        return claimed;
    }

    private void attempt(Delivery delivery, NotificationPolicy policy) {
        Instant now = clock.instant();
        Channel channel = delivery.getChannel();
        ChannelSender sender = senders.get(channel);
        String masked = Masking.mask(channel, delivery.getRecipient().address());
        ChannelSender.Hold hold = sender.holdBeforeSending(delivery);
        if (hold != null) {
            DeliveryStatus status = hold.giveUp() ? DeliveryStatus.FAILED : DeliveryStatus.HELD;
            finish(delivery, new Update().set("status", status).set("lastError", hold.reason()),
                    new Attempt(now, channel, null, masked, status.name(), null, hold.reason(), null));
            return;
        }
        if (!delivery.isUrgent() && (channel == Channel.EMAIL || channel == Channel.SMS)) {
            QuietHours quiet = quietHoursOf(delivery.getRecipient(), policy);
            if (quiet.contains(now)) {
                Instant until = quiet.endAfter(now);
                finish(delivery, new Update().set("nextAttemptAt", until),
                        new Attempt(now, channel, null, masked, "DEFERRED", null, "quiet hours until " + until, null));
                return;
            }
        }
        Rendered message = null;
        if (sender.rendered()) {
            try {
                message = templates.render(delivery.getEventType(), channel, delivery.getRecipient().locale(),
                        context(delivery), java.time.ZoneId.of(policy.zone())).orElse(null);
            } catch (RuntimeException e) {
                message = null;
                log.warn("rendering {} failed: {}", delivery.getId(), e.toString());
            }
            if (message == null) {
                String error = "no usable template for " + delivery.getEventType() + " " + channel;
                finish(delivery, new Update().set("status", DeliveryStatus.FAILED).set("lastError", error)
                        .inc("attempts", 1), new Attempt(now, channel, null, masked, "FAILED", null, error, null));
                return;
            }
        }
        long started = System.nanoTime();
        SendOutcome outcome;
        try {
            outcome = sender.send(delivery, message);
        } catch (RuntimeException e) {
            outcome = SendOutcome.failed(channel.name().toLowerCase(), e.toString());
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        int attempts = delivery.getAttempts() + 1;
        Instant after = clock.instant();
        Update update = new Update().set("attempts", attempts);
        if (message != null) {
            update.set("templateVersion", message.templateVersion()).set("title", message.subject());
        }
        String status;
        if (outcome.sent()) {
            status = "SENT";
            update.set("status", DeliveryStatus.SENT).set("sentAt", after).unset("lastError");
        } else {
            Optional<Instant> next = sender.nextAttempt(delivery, outcome, attempts, after, settings.getDispatch().getBackoff());
            if (next.isPresent()) {
                status = "FAILED";
                update.set("status", DeliveryStatus.PENDING).set("nextAttemptAt", next.get());
            } else {
                status = "FAILED";
                update.set("status", DeliveryStatus.FAILED);
            }
            update.set("lastError", outcome.error());
        }
        finish(delivery, update, new Attempt(after, channel, outcome.provider(), masked, status, outcome.httpStatus(),
                outcome.error(), millis));
        delivery.setAttempts(attempts);
        sender.after(delivery, outcome);
    }

    private QuietHours quietHoursOf(Recipient recipient, NotificationPolicy policy) {
        String key = Recipient.CUSTOMER.equals(recipient.kind()) ? Preferences.customerKey(recipient.id())
                : Preferences.staffKey(recipient.id());
        return preferences.find(key).map(Preferences.Preference::quietHours).orElse(policy.quietHours());
    }

    static Map<String, Object> context(Delivery delivery) {
        Map<String, Object> context = new LinkedHashMap<>();
        if (delivery.getData() != null) {
            context.putAll(delivery.getData());
        }
        context.put("recipientName", delivery.getRecipient().name());
        context.put("eventId", delivery.getEventId());
        context.put("eventType", delivery.getEventType());
        context.put("subject", delivery.getSubject());
        context.put("time", delivery.getEventTime() == null ? null : delivery.getEventTime().toString());
        return context;
    }

    /** Saves the outcome and appends the attempt, only while this instance still holds the claim. */
    private void finish(Delivery delivery, Update update, Attempt attempt) {
        update.push("log", attempt).unset("lockedUntil").unset("lockedBy");
        long matched = mongo.updateFirst(Query.query(Criteria.where("_id").is(delivery.getId()).and("lockedBy").is(instance)),
                update, Delivery.class).getMatchedCount();
        if (matched == 0) {
            log.warn("claim on {} ran out before its outcome was saved; another instance repeats it", delivery.getId());
        }
    }
}
