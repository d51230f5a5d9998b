package org.crmsuite.visit.plans;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.crmsuite.platform.events.AggregateStore;
import org.crmsuite.platform.jobs.MongoLeases;
import org.crmsuite.platform.web.DomainException;
import org.crmsuite.visit.calendar.VisitCalendar;
import org.crmsuite.visit.customers.CustomerEventData;
import org.crmsuite.visit.customers.CustomerView;
import org.crmsuite.visit.customers.CustomerViews;
import org.crmsuite.visit.policy.CadencePolicy;
import org.crmsuite.visit.policy.Policies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Visit plans (VI-2), the triggered visits (VI-6) and what a change of the customer means for them. Generation for one
 * customer runs under a lease ({@code plans:<customerId>}) and cadence plans have ids made of customer, track,
 * generation and date, so two instances (the plan job and an event consumer) never make the same plan twice.
 */
@Service
public class Plans {

    private static final Logger log = LoggerFactory.getLogger(Plans.class);
    private static final Duration GENERATION_LEASE = Duration.ofSeconds(30);
    private static final Duration GENERATION_WAIT = Duration.ofSeconds(5);

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final CustomerViews customers;
    private final Policies policies;
    private final VisitCalendar calendar;
    private final MongoLeases leases;

    Plans(MongoTemplate mongo, AggregateStore store, CustomerViews customers, Policies policies, VisitCalendar calendar,
            MongoLeases leases) {
        this.mongo = mongo;
        this.store = store;
        this.customers = customers;
        this.policies = policies;
        this.calendar = calendar;
        this.leases = leases;
    }

    public VisitPlan get(String id) {
        VisitPlan plan = mongo.findById(id, VisitPlan.class);
        if (plan == null) {
            throw DomainException.notFound("visit-plan", id);
        }
        return plan;
    }

    public Optional<VisitPlan> find(String id) {
        return Optional.ofNullable(mongo.findById(id, VisitPlan.class));
    }

    public VisitPlan save(VisitPlan plan) {
        return store.save(plan);
    }

    /** Loads, changes and saves a plan, again on a concurrent write (at most three times). */
    public VisitPlan update(String id, java.util.function.Consumer<VisitPlan> change) {
        for (int attempt = 1;; attempt++) {
            VisitPlan plan = get(id);
            change.accept(plan);
            try {
                return store.save(plan);
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    // ------------------------------------------------------------------ VI-2 cadence plans

    /** Acts on what a change of the local customer view means for its plans. */
    public void react(CustomerViews.Applied applied) {
        CustomerView view = applied.view();
        if (applied.previousOwnerId() != null) {
            handOver(view, applied.previousOwnerId());
        }
        switch (applied.effect()) {
            case GENERATE -> generate(view);
            case REGENERATE -> regenerate(view, "VI-2: the customer's category, grade, owner or location changed");
            case STOP -> stop(view);
            case NONE -> {
            }
        }
    }

    /**
     * VI-2: extends the customer's cadence plans to the horizon (the rolling annual plan); makes them from scratch when
     * the current generation has none, and regenerates when the policy's interval changed since. Returns plans made.
     */
    public int generate(CustomerView view) {
        if (!view.acceptsPlans()) {
            return 0;
        }
        return leases.withLease("plans:" + view.getId(), GENERATION_LEASE, GENERATION_WAIT, () -> {
            CustomerView current = customers.find(view.getId()).orElse(view);
            if (!current.acceptsPlans()) {
                return 0;
            }
            CadencePolicy policy = policies.current();
            List<CadenceRule.Cadence> cadences = CadenceRule.cadencesFor(current, policy);
            List<VisitPlan> open = openCadencePlans(current.getId());
            boolean intervalChanged = open.stream().anyMatch(p -> p.getGeneration() != current.getPlanGeneration()
                    || cadences.stream().noneMatch(c -> c.track() == p.getTrack() && c.months() == p.getCadenceMonths()));
            if (intervalChanged) {
                return regenerateHoldingLease(current, "VI-2: the cadence policy changed");
            }
            return make(current, cadences, policy);
        });
    }

    /** VI-2: cancels the open cadence plans and makes them again under a new generation. Past records are untouched. */
    public int regenerate(CustomerView view, String why) {
        return leases.withLease("plans:" + view.getId(), GENERATION_LEASE, GENERATION_WAIT,
                () -> regenerateHoldingLease(view, why));
    }

    private int regenerateHoldingLease(CustomerView view, String why) {
        for (VisitPlan plan : openCadencePlans(view.getId())) {
            update(plan.getId(), p -> p.cancel("REGENERATED", why, "system"));
        }
        int generation = customers.nextPlanGeneration(view.getId());
        CustomerView current = customers.find(view.getId()).orElse(view);
        current.setPlanGeneration(generation);
        if (!current.acceptsPlans()) {
            return 0;
        }
        CadencePolicy policy = policies.current();
        return make(current, CadenceRule.cadencesFor(current, policy), policy);
    }

    /** CU-7 / CU-8: no new business — every open plan except complaint revisits is withdrawn. */
    public int stop(CustomerView view) {
        String reason = view.isBlacklisted() ? "BLACKLISTED" : "ARCHIVED".equals(view.getStatus()) ? "ARCHIVED" : "SUSPENDED";
        String note = switch (reason) {
            case "BLACKLISTED" -> "CU-7: no new business with a blacklisted customer";
            case "ARCHIVED" -> "the customer was archived";
            default -> "CU-8: business suspended until the documents are renewed";
        };
        return leases.withLease("plans:" + view.getId(), GENERATION_LEASE, GENERATION_WAIT, () -> {
            int cancelled = 0;
            for (VisitPlan plan : mongo.find(Query.query(Criteria.where("customerId").is(view.getId()).and("status")
                    .is(PlanStatus.PLANNED).and("kind").ne(PlanKind.REVISIT)), VisitPlan.class)) {
                update(plan.getId(), p -> p.cancel(reason, note, "system"));
                cancelled++;
            }
            // plans made when business resumes are a new generation (new ids), never the withdrawn ones again
            customers.nextPlanGeneration(view.getId());
            return cancelled;
        });
    }

    /** CU-10: the previous owner's own open plans go to the new owner; a return visit they owed is no longer theirs. */
    private void handOver(CustomerView view, String previousOwnerId) {
        for (VisitPlan plan : mongo.find(Query.query(Criteria.where("customerId").is(view.getId()).and("status")
                .is(PlanStatus.PLANNED).and("ownerId").is(previousOwnerId)), VisitPlan.class)) {
            if (plan.getKind() == PlanKind.MANUAL) {
                update(plan.getId(), p -> p.handOver(view.getOwnerId(), view.getDepartmentId()));
            } else if (plan.getKind() == PlanKind.OWNER_CHANGE) {
                update(plan.getId(), p -> p.cancel("OWNER_CHANGED", "the customer went to " + view.getOwnerId(), "system"));
            }
        }
    }

    private int make(CustomerView view, List<CadenceRule.Cadence> cadences, CadencePolicy policy) {
        LocalDate today = calendar.today();
        LocalDate horizonEnd = today.plusMonths(policy.horizonMonths());
        int made = 0;
        for (CadenceRule.Cadence cadence : cadences) {
            List<VisitPlan> existing = mongo.find(Query.query(Criteria.where("customerId").is(view.getId())
                    .and("kind").is(PlanKind.CADENCE).and("track").is(cadence.track())
                    .and("generation").is(view.getPlanGeneration()).and("status").ne(PlanStatus.CANCELLED)), VisitPlan.class);
            Optional<LocalDate> latest = existing.stream().map(VisitPlan::getCadenceDate).max(Comparator.naturalOrder());
            List<LocalDate> dates = latest.isPresent()
                    ? AnnualPlan.after(latest.get(), today, cadence.months(), horizonEnd)
                    : AnnualPlan.fromScratch(anchor(view, cadence.track(), today), today, cadence.months(), horizonEnd);
            for (LocalDate date : dates) {
                if (insert(cadencePlan(view, cadence, date))) {
                    made++;
                }
            }
        }
        if (made > 0) {
            log.info("VI-2: {} cadence plans made for customer {} (generation {})", made, view.getId(), view.getPlanGeneration());
        }
        return made;
    }

    /** The last visit of this track: a completed plan of the track, else (regular visits) any visit record, else today. */
    private LocalDate anchor(CustomerView view, Track track, LocalDate today) {
        VisitPlan lastDone = mongo.findOne(Query.query(Criteria.where("customerId").is(view.getId()).and("kind")
                .is(PlanKind.CADENCE).and("track").is(track).and("status").is(PlanStatus.COMPLETED))
                .with(Sort.by(Sort.Direction.DESC, "completedAt")), VisitPlan.class);
        Instant last = lastDone == null ? null : lastDone.getCompletedAt();
        if (track == Track.REGULAR && view.getLastVisitAt() != null && (last == null || view.getLastVisitAt().isAfter(last))) {
            last = view.getLastVisitAt();
        }
        LocalDate anchor = last == null ? today : calendar.dateOf(last);
        return anchor.isAfter(today) ? today : anchor;
    }

    private VisitPlan cadencePlan(CustomerView view, CadenceRule.Cadence cadence, LocalDate nominal) {
        LocalDate due = calendar.workingDayOnOrBefore(nominal);
        String purpose = cadence.track() == Track.SENIOR_MANAGEMENT ? "Senior management visit — " + cadence.reason()
                : "Regular visit — " + cadence.reason();
        List<String> participants = cadence.track() == Track.SENIOR_MANAGEMENT
                ? List.of(view.getOwnerId(), "senior management") : List.of(view.getOwnerId());
        String id = view.getId() + ":" + cadence.track().name().toLowerCase() + ":g" + view.getPlanGeneration() + ":" + nominal;
        return VisitPlan.schedule(id, new VisitPlan.Draft(view.getId(), view.getName(), view.getDepartmentId(),
                view.getOwnerId(), view.priority(), PlanKind.CADENCE, cadence.track(), cadence.months(),
                view.getPlanGeneration(), nominal, purpose, calendar.startOfWork(due), calendar.endOfWork(due), null,
                participants, List.of(), null, null, "system"));
    }

    private List<VisitPlan> openCadencePlans(String customerId) {
        return mongo.find(Query.query(Criteria.where("customerId").is(customerId).and("kind").is(PlanKind.CADENCE)
                .and("status").is(PlanStatus.PLANNED)), VisitPlan.class);
    }

    private boolean insert(VisitPlan plan) {
        try {
            store.save(plan);
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    // ------------------------------------------------------------------ VI-6 triggered visits

    /**
     * VI-6 / CU-10: the new owner's return visit, due by the end of the {@code ownerChangeBusinessDays}-th business day
     * after the change. None for a blacklisted or suspended customer (CU-7, CU-8) or a reason the policy leaves out.
     */
    public Optional<VisitPlan> ownerChangeVisit(CustomerView view, CustomerEventData.OwnerChanged change, Instant eventTime) {
        CadencePolicy policy = policies.current();
        CadencePolicy.OwnerChangeReason reason = reasonOf(change.reason());
        if (reason == null || !policy.ownerChangeReasons().contains(reason)) {
            log.info("VI-6: owner change of {} ({}) owes no return visit under the policy", change.customerId(), change.reason());
            return Optional.empty();
        }
        if (view.isBlacklisted() || view.isInactive()) {
            log.info("VI-6: no return visit to {}: blacklisted or suspended (CU-7, CU-8)", view.getId());
            return Optional.empty();
        }
        Instant changedAt = change.changedAt() == null ? eventTime : change.changedAt();
        Instant dueBy = calendar.endOfBusinessDaysAfter(changedAt, policy.ownerChangeBusinessDays());
        String id = "owner-change:" + change.customerId() + ":" + change.toOwnerId() + ":" + changedAt.toEpochMilli();
        VisitPlan plan = VisitPlan.schedule(id, new VisitPlan.Draft(view.getId(), view.getName(),
                change.departmentId() == null ? view.getDepartmentId() : change.departmentId(), change.toOwnerId(),
                view.priority(), PlanKind.OWNER_CHANGE, null, null, 0, null,
                "VI-6 return visit by the new account manager within " + policy.ownerChangeBusinessDays()
                        + " business days (CU-10, " + change.reason() + ")",
                calendar.startOfWork(calendar.dateOf(dueBy)), dueBy, null, List.of(change.toOwnerId()), List.of(), null,
                null, "system"));
        return insert(plan) ? Optional.of(plan) : find(id);
    }

    /**
     * VI-6 / CO-8: the revisit after a closed complaint, for the complaint's handler, due by the end of the
     * {@code revisitBusinessDays}-th business day after closing. Made also for a blacklisted customer: complaints from
     * them are still handled (CU-7), and the revisit is part of handling (CO-8).
     */
    public VisitPlan revisit(CustomerView view, String complaintId, String handlerId, String level, Instant closedAt) {
        CadencePolicy policy = policies.current();
        Instant dueBy = calendar.endOfBusinessDaysAfter(closedAt, policy.revisitBusinessDays());
        String owner = handlerId == null ? view.getOwnerId() : handlerId;
        List<String> participants = new ArrayList<>();
        participants.add(owner);
        if (view.getOwnerId() != null && !view.getOwnerId().equals(owner)) {
            participants.add(view.getOwnerId());
        }
        String id = "revisit:" + complaintId + ":" + closedAt.toEpochMilli();
        VisitPlan plan = VisitPlan.schedule(id, new VisitPlan.Draft(view.getId(), view.getName(), view.getDepartmentId(),
                owner, view.priority(), PlanKind.REVISIT, null, null, 0, null,
                "VI-6 revisit after complaint " + complaintId + (level == null ? "" : " (" + level + ")")
                        + " was closed: check the solution holds (CO-8)",
                calendar.startOfWork(calendar.dateOf(dueBy)), dueBy, null, participants, List.of(), null, complaintId,
                "system"));
        return insert(plan) ? plan : get(id);
    }

    /** A plan a person makes (kind MANUAL); refused for a customer with whom no business is done (CU-7, CU-8). */
    public Created manual(CustomerView view, VisitPlan.Draft draft, String idempotencyKey) {
        if (idempotencyKey != null) {
            VisitPlan earlier = mongo.findOne(Query.query(Criteria.where("idempotencyKey").is(idempotencyKey)), VisitPlan.class);
            if (earlier != null) {
                return new Created(earlier, true);
            }
        }
        refuseIfNoBusiness(view);
        VisitPlan plan = VisitPlan.schedule(null, draft);
        plan.rememberIdempotencyKey(idempotencyKey);
        try {
            return new Created(store.save(plan), false);
        } catch (DuplicateKeyException sameKeyMeanwhile) {
            return new Created(mongo.findOne(Query.query(Criteria.where("idempotencyKey").is(idempotencyKey)), VisitPlan.class),
                    true);
        }
    }

    /** @param repeated an earlier request with the same {@code Idempotency-Key} made it */
    public record Created(VisitPlan plan, boolean repeated) {
    }

    public static void refuseIfNoBusiness(CustomerView view) {
        if (view.isBlacklisted()) {
            throw DomainException.conflict("customer.blacklisted",
                    "CU-7: customer " + view.getId() + " is blacklisted; no new visit plan is made");
        }
        if (view.isInactive()) {
            throw DomainException.conflict("customer.suspended",
                    "CU-8: business with customer " + view.getId() + " is " + view.getStatus().toLowerCase() + "; no new visit plan is made");
        }
    }

    private static CadencePolicy.OwnerChangeReason reasonOf(String reason) {
        try {
            return reason == null ? null : CadencePolicy.OwnerChangeReason.valueOf(reason);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ VI-7 and lists

    /** Open plans due by {@code until} (the VI-7 pass), earliest first. */
    public List<VisitPlan> openDueBy(Instant until, int limit) {
        return mongo.find(Query.query(Criteria.where("status").is(PlanStatus.PLANNED).and("dueBy").lte(until))
                .with(Sort.by("dueBy")).limit(limit), VisitPlan.class);
    }

    public MongoTemplate mongo() {
        return mongo;
    }
}
