package org.crmsuite.visit.customers;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.crmsuite.platform.web.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The local customer view: applies customer-service's events, and back-fills a customer it has not heard of by asking
 * customer-service. Each change answers what it means for the customer's visit plans ({@link Effect}); the plans
 * feature acts on it.
 */
@Service
public class CustomerViews {

    private static final Logger log = LoggerFactory.getLogger(CustomerViews.class);

    private final MongoTemplate mongo;
    private final CustomerServiceClient client;
    private final Clock clock;

    CustomerViews(MongoTemplate mongo, CustomerServiceClient client, Clock clock) {
        this.mongo = mongo;
        this.client = client;
        this.clock = clock;
    }

    /** What a change of the view means for the customer's plans. */
    public enum Effect {
        /** nothing to do */
        NONE,
        /** VI-2: make the plans the cadence asks for (a customer new to this service, or business resumed) */
        GENERATE,
        /** VI-2: category, grade, owner or out-of-town changed: future cadence plans are made again */
        REGENERATE,
        /** CU-7 / CU-8: no business with the customer now: open plans are withdrawn */
        STOP
    }

    /** @param previousOwnerId set when the owner changed */
    public record Applied(CustomerView view, Effect effect, String previousOwnerId) {
    }

    public Optional<CustomerView> find(String id) {
        return Optional.ofNullable(mongo.findById(id, CustomerView.class));
    }

    /**
     * The customer for an API request: the local view, else back-filled from customer-service. 404
     * {@code customer.not-found} when customer-service knows none; 503 {@code customer.unavailable} when it cannot be
     * asked now.
     */
    public CustomerView require(String id) {
        Optional<CustomerView> known = find(id);
        if (known.isPresent()) {
            return known.get();
        }
        try {
            return backfill(id);
        } catch (CustomerLookupException e) {
            if (e.outcome() == CustomerLookupException.Outcome.NOT_FOUND) {
                throw DomainException.notFound("customer", id);
            }
            throw DomainException.unavailable("customer.unavailable",
                    "Customer " + id + " is not known here yet and customer-service cannot be asked now (" + e.getMessage()
                            + "); try again shortly");
        }
    }

    /**
     * The customer for an event: the local view, else back-filled; when customer-service cannot answer, a partial view
     * (only what the event said) that the plan job back-fills later. Never empty.
     */
    public CustomerView known(String id, String departmentId, String ownerId) {
        return knownView(id, departmentId, ownerId).view();
    }

    /** @param isNew the customer was unknown until now (back-filled or partial): its plans are still to be made */
    private record Known(CustomerView view, boolean isNew) {
    }

    private Known knownView(String id, String departmentId, String ownerId) {
        Optional<CustomerView> existing = find(id);
        if (existing.isPresent()) {
            return new Known(existing.get(), false);
        }
        try {
            return new Known(backfill(id), true);
        } catch (CustomerLookupException e) {
            log.warn("customer {} unknown and not back-filled ({}): keeping a partial view", id, e.getMessage());
            CustomerView partial = new CustomerView(id);
            partial.setDepartmentId(departmentId);
            partial.setOwnerId(ownerId);
            partial.setSource("EVENT");
            partial.setComplete(false);
            partial.setBackfillDueAt(clock.instant());
            return new Known(insertOrExisting(partial), true);
        }
    }

    /** A first sight of the customer makes its plans, whatever the event says; otherwise the event's own effect. */
    private static Effect firstSight(Known known, Effect effect) {
        return known.isNew() && effect != Effect.STOP ? Effect.GENERATE : effect;
    }

    /** Asks customer-service for the customer and stores what it says. */
    public CustomerView backfill(String id) {
        CustomerRecord record = client.customer(id);
        CustomerView view = find(id).orElseGet(() -> new CustomerView(id));
        copy(record, view);
        view.setSource("BACKFILL");
        view.setClassificationChangedAt(clock.instant());
        view.setBackfillDueAt(null);
        return save(view);
    }

    /** Back-fills a view that is partial or whose details changed; empty when customer-service cannot answer now. */
    public Optional<Applied> retryBackfill(CustomerView stale) {
        try {
            String regionBefore = stale.getRegion();
            boolean acceptedBefore = stale.acceptsPlans();
            CustomerView fresh = backfill(stale.getId());
            Effect effect = !acceptedBefore && fresh.acceptsPlans() ? Effect.GENERATE
                    : acceptedBefore && !fresh.acceptsPlans() ? Effect.STOP
                    : !Objects.equals(regionBefore, fresh.getRegion()) ? Effect.REGENERATE : Effect.NONE;
            return Optional.of(new Applied(fresh, effect, null));
        } catch (CustomerLookupException e) {
            if (e.outcome() == CustomerLookupException.Outcome.NOT_FOUND) {
                mongo.updateFirst(Query.query(Criteria.where("_id").is(stale.getId())), new Update().unset("backfillDueAt"),
                        CustomerView.class);
            }
            return Optional.empty();
        }
    }

    public List<CustomerView> needingBackfill(Instant now, int limit) {
        return mongo.find(Query.query(Criteria.where("backfillDueAt").lte(now)).limit(limit), CustomerView.class);
    }

    /** Customers whose plans the VI-2 pass extends, in id order after {@code afterId} (paging over all customers). */
    public List<CustomerView> page(String afterId, int limit) {
        Criteria criteria = afterId == null ? new Criteria() : Criteria.where("_id").gt(afterId);
        return mongo.find(Query.query(criteria).with(Sort.by("_id")).limit(limit), CustomerView.class);
    }

    public List<CustomerView> inDepartment(String departmentId) {
        Query query = departmentId == null ? new Query() : Query.query(Criteria.where("departmentId").is(departmentId));
        return mongo.find(query.with(Sort.by("_id")), CustomerView.class);
    }

    /** VI-3: the latest visit, kept for the cadence anchor (an older record never moves it back). */
    public void visited(String customerId, Instant visitedAt) {
        mongo.updateFirst(Query.query(new Criteria().andOperator(Criteria.where("_id").is(customerId),
                new Criteria().orOperator(Criteria.where("lastVisitAt").is(null), Criteria.where("lastVisitAt").lt(visitedAt)))),
                new Update().set("lastVisitAt", visitedAt).inc("version", 1), CustomerView.class);
    }

    /** VI-2: a new generation of cadence plans; returns it. */
    public int nextPlanGeneration(String customerId) {
        CustomerView updated = mongo.findAndModify(Query.query(Criteria.where("_id").is(customerId)),
                new Update().inc("planGeneration", 1).inc("version", 1),
                org.springframework.data.mongodb.core.FindAndModifyOptions.options().returnNew(true), CustomerView.class);
        return updated == null ? 0 : updated.getPlanGeneration();
    }

    // ------------------------------------------------------------------ events

    public Applied created(CustomerEventData.Created data, Instant at) {
        Optional<CustomerView> existing = find(data.customerId());
        CustomerView view = existing.orElseGet(() -> new CustomerView(data.customerId()));
        boolean fresh = existing.isEmpty() || !existing.get().isComplete();
        view.setName(data.name());
        view.setDepartmentId(data.departmentId());
        view.setOwnerId(data.ownerId());
        view.setCategory(enumOf(Category.class, data.category()));
        view.setGrade(enumOf(Grade.class, data.grade()));
        view.setTier(data.tier());
        view.setStatus(data.status());
        view.setClassificationChangedAt(at);
        view.setSource("EVENT");
        // the created event has no region (VI-1 out of town): ask customer-service for it now or in the next plan pass
        view.setBackfillDueAt(at);
        CustomerView saved = save(view);
        Optional<Applied> detailed = retryBackfill(saved);
        CustomerView result = detailed.map(Applied::view).orElse(saved);
        return new Applied(result, fresh ? Effect.GENERATE : Effect.NONE, null);
    }

    public Applied updated(CustomerEventData.Updated data, Instant at) {
        Known known = knownView(data.customerId(), data.departmentId(), data.ownerId());
        CustomerView view = known.view();
        String previousOwner = view.getOwnerId();
        String previousStatus = view.getStatus();
        String previousDepartment = view.getDepartmentId();
        boolean acceptedBefore = view.acceptsPlans();
        if (data.name() != null) {
            view.setName(data.name());
        }
        if (data.departmentId() != null) {
            view.setDepartmentId(data.departmentId());
        }
        if (data.ownerId() != null) {
            view.setOwnerId(data.ownerId());
        }
        if (data.status() != null) {
            view.setStatus(data.status());
        }
        List<String> changed = data.changedFields() == null ? List.of() : data.changedFields();
        boolean regionMayHaveChanged = changed.contains("region") || changed.contains("address");
        if (regionMayHaveChanged) {
            view.setBackfillDueAt(at);
        }
        CustomerView saved = save(view);
        Effect effect = Effect.NONE;
        if (regionMayHaveChanged) {
            Optional<Applied> refreshed = retryBackfill(saved);
            if (refreshed.isPresent()) {
                saved = refreshed.get().view();
                effect = refreshed.get().effect();
            }
        }
        if (acceptedBefore && !saved.acceptsPlans()) {
            effect = Effect.STOP;
        } else if (!acceptedBefore && saved.acceptsPlans()) {
            effect = Effect.GENERATE;
        } else if (!Objects.equals(previousOwner, saved.getOwnerId())
                || !Objects.equals(previousDepartment, saved.getDepartmentId())
                || !Objects.equals(previousStatus, saved.getStatus())) {
            effect = Effect.REGENERATE;
        }
        return new Applied(saved, firstSight(known, effect),
                known.isNew() || Objects.equals(previousOwner, saved.getOwnerId()) ? null : previousOwner);
    }

    /** category-changed (CU-4): future cadence plans follow the new category (VI-2). */
    public Applied categoryChanged(CustomerEventData.ClassificationChanged data, Instant at) {
        return classification(data, at, view -> view.setCategory(enumOf(Category.class, data.to())),
                view -> view.getCategory() == enumOf(Category.class, data.to()));
    }

    /** grade-changed (CU-4, CU-6): cadence and CU-9 priority follow the new grade. */
    public Applied gradeChanged(CustomerEventData.ClassificationChanged data, Instant at) {
        return classification(data, at, view -> view.setGrade(enumOf(Grade.class, data.to())),
                view -> view.getGrade() == enumOf(Grade.class, data.to()));
    }

    public Applied tierChanged(CustomerEventData.ClassificationChanged data, Instant at) {
        Known known = knownView(data.customerId(), data.departmentId(), null);
        CustomerView view = known.view();
        view.setTier(data.to());
        return new Applied(save(view), firstSight(known, Effect.NONE), null);
    }

    private Applied classification(CustomerEventData.ClassificationChanged data, Instant at, Consumer<CustomerView> change,
            java.util.function.Predicate<CustomerView> alreadySo) {
        Known known = knownView(data.customerId(), data.departmentId(), null);
        CustomerView view = known.view();
        Instant changedAt = data.changedAt() == null ? at : data.changedAt();
        if (view.getClassificationChangedAt() != null && changedAt.isBefore(view.getClassificationChangedAt())) {
            log.info("customer {}: ignoring a {} → {} change older than what is known", data.customerId(), data.from(), data.to());
            return new Applied(view, firstSight(known, Effect.NONE), null);
        }
        boolean changes = !alreadySo.test(view);
        boolean wasComplete = view.isComplete();
        change.accept(view);
        view.setClassificationChangedAt(changedAt);
        view.setComplete(view.getCategory() != null && view.getGrade() != null);
        CustomerView saved = save(view);
        Effect effect = !changes ? Effect.NONE : !wasComplete && saved.isComplete() ? Effect.GENERATE : Effect.REGENERATE;
        return new Applied(saved, firstSight(known, effect), null);
    }

    public Applied blacklisted(CustomerEventData.Blacklisted data) {
        Known known = knownView(data.customerId(), null, null);
        CustomerView view = known.view();
        boolean before = !known.isNew() && view.isBlacklisted();
        List<CustomerView.BlacklistEntry> entries = new ArrayList<>(view.getBlacklist());
        entries.removeIf(e -> Objects.equals(e.entryId(), data.entryId()));
        entries.add(new CustomerView.BlacklistEntry(data.entryId(), data.scope(), data.departmentId()));
        view.setBlacklist(entries);
        CustomerView saved = save(view);
        return new Applied(saved, !before && saved.isBlacklisted() ? Effect.STOP : firstSight(known, Effect.NONE), null);
    }

    public Applied blacklistLifted(CustomerEventData.BlacklistLifted data) {
        Known known = knownView(data.customerId(), null, null);
        CustomerView view = known.view();
        boolean before = view.acceptsPlans();
        List<CustomerView.BlacklistEntry> entries = new ArrayList<>(view.getBlacklist());
        entries.removeIf(e -> Objects.equals(e.entryId(), data.entryId()));
        view.setBlacklist(entries);
        CustomerView saved = save(view);
        return new Applied(saved, !before && saved.acceptsPlans() ? Effect.GENERATE : firstSight(known, Effect.NONE), null);
    }

    /** suspended (CU-8) and reinstated. */
    public Applied statusChanged(String customerId, String departmentId, String status) {
        Known known = knownView(customerId, departmentId, null);
        CustomerView view = known.view();
        boolean before = view.acceptsPlans();
        view.setStatus(status);
        CustomerView saved = save(view);
        Effect effect = before && !saved.acceptsPlans() ? Effect.STOP
                : !before && saved.acceptsPlans() ? Effect.GENERATE : Effect.NONE;
        return new Applied(saved, firstSight(known, effect), null);
    }

    /** owner-changed (CU-10): the customer's cadence plans go to the new owner (VI-2). */
    public Applied ownerChanged(CustomerEventData.OwnerChanged data) {
        Known known = knownView(data.customerId(), data.departmentId(), data.toOwnerId());
        CustomerView view = known.view();
        String previous = view.getOwnerId();
        if (Objects.equals(previous, data.toOwnerId())) {
            return new Applied(view, firstSight(known, Effect.NONE), null);
        }
        view.setOwnerId(data.toOwnerId());
        if (data.departmentId() != null) {
            view.setDepartmentId(data.departmentId());
        }
        return new Applied(save(view), Effect.REGENERATE, previous == null ? data.fromOwnerId() : previous);
    }

    // ------------------------------------------------------------------ storage

    /** Writes the demo customers' views (local profile); an existing view is left alone. */
    public void seed(CustomerView view) {
        if (find(view.getId()).isEmpty()) {
            view.setSource("DEMO");
            insertOrExisting(view);
        }
    }

    private CustomerView save(CustomerView view) {
        Instant now = clock.instant();
        if (view.getCreatedAt() == null) {
            view.setCreatedAt(now);
        }
        view.setUpdatedAt(now);
        view.setComplete(view.getCategory() != null && view.getGrade() != null);
        try {
            return mongo.save(view);
        } catch (DuplicateKeyException e) {
            throw new OptimisticLockingFailureException("customer view " + view.getId() + " was written meanwhile");
        }
    }

    private CustomerView insertOrExisting(CustomerView view) {
        try {
            return save(view);
        } catch (OptimisticLockingFailureException e) {
            return find(view.getId()).orElseThrow(() -> e);
        }
    }

    private static void copy(CustomerRecord record, CustomerView view) {
        view.setName(record.name());
        view.setRegion(record.region());
        view.setOwnerId(record.ownerId());
        view.setDepartmentId(record.departmentId());
        view.setCategory(enumOf(Category.class, record.category()));
        view.setGrade(enumOf(Grade.class, record.grade()));
        view.setTier(record.tier());
        view.setStatus(record.status());
        List<CustomerView.BlacklistEntry> entries = new ArrayList<>();
        if (record.blacklist() != null) {
            record.blacklist().stream().filter(e -> "ACTIVE".equals(e.state()))
                    .forEach(e -> entries.add(new CustomerView.BlacklistEntry(e.entryId(), e.scope(), e.departmentId())));
        }
        view.setBlacklist(entries);
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            log.warn("unknown {} '{}' from customer-service; treated as unknown", type.getSimpleName(), name);
            return null;
        }
    }
}
