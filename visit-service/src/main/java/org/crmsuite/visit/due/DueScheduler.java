package org.crmsuite.visit.due;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.crmsuite.platform.jobs.MongoLeases;
import org.crmsuite.platform.jobs.WorkClaims;
import org.crmsuite.visit.VisitSettings;
import org.crmsuite.visit.calendar.VisitCalendar;
import org.crmsuite.visit.plans.PlanStatus;
import org.crmsuite.visit.plans.Plans;
import org.crmsuite.visit.plans.VisitPlan;
import org.crmsuite.visit.policy.Policies;
import org.crmsuite.visit.records.Records;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * VI-7 Due and overdue: finds open plans whose deadline falls within the due-soon window (policy, business days) and
 * raises {@code visit.plan.due}, and those past it and raises {@code visit.plan.overdue} (the owner and the
 * department's manager are told). Safe with any number of instances: a pass runs under the lease
 * {@code visit-due-pass}; each notice is claimed ({@code <planId>:DUE}, {@code <planId>:OVERDUE}) and the plan records
 * it in the same write as the event, so each is raised once.
 * <p>
 * The pass also completes a plan whose record was filed but whose completion did not get written (an instance
 * stopping between the two writes), so such a plan is never reported overdue.
 */
@Component
public class DueScheduler {

    static final String LEASE = "visit-due-pass";
    private static final Logger log = LoggerFactory.getLogger(DueScheduler.class);

    private final Plans plans;
    private final Records records;
    private final Policies policies;
    private final VisitCalendar calendar;
    private final MongoLeases leases;
    private final WorkClaims claims;
    private final VisitSettings settings;
    private final String owner = "visit-due-" + UUID.randomUUID().toString().substring(0, 8);

    DueScheduler(Plans plans, Records records, Policies policies, VisitCalendar calendar, MongoLeases leases,
            WorkClaims claims, VisitSettings settings) {
        this.plans = plans;
        this.records = records;
        this.policies = policies;
        this.calendar = calendar;
        this.leases = leases;
        this.claims = claims;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${crm.visit.jobs.due-interval}", initialDelayString = "${crm.visit.jobs.due-interval}")
    void scheduled() {
        if (!settings.jobs().enabled()) {
            return;
        }
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("VI-7 due pass failed: {}", e.getMessage());
        }
    }

    /** The outcome of one pass: notices this instance raised; {@code ran} false when another instance held the pass. */
    public record Pass(boolean ran, int due, int overdue, int healed) {
    }

    public Pass runOnce() {
        int[] counts = new int[3];
        boolean ran = leases.runIfFree(LEASE, settings.jobs().lease(), () -> pass(counts));
        return new Pass(ran, counts[0], counts[1], counts[2]);
    }

    private void pass(int[] counts) {
        Instant now = calendar.now();
        Instant dueSoonUntil = calendar.endOfBusinessDaysAfter(now, policies.current().dueSoonBusinessDays());
        for (VisitPlan plan : candidates(now, dueSoonUntil)) {
            if (healed(plan)) {
                counts[2]++;
                continue;
            }
            boolean overdue = now.isAfter(plan.getDueBy());
            String key = plan.getId() + (overdue ? ":OVERDUE" : ":DUE");
            if (!claims.claim(key, owner, settings.jobs().claimLease())) {
                continue;
            }
            try {
                boolean[] raised = { false };
                if (overdue) {
                    long days = Math.max(1, ChronoUnit.DAYS.between(calendar.dateOf(plan.getDueBy()), calendar.dateOf(now)));
                    plans.update(plan.getId(), p -> raised[0] = p.markOverdue(now, days));
                } else {
                    plans.update(plan.getId(), p -> raised[0] = p.markDue(now));
                }
                claims.done(key, owner);
                if (raised[0]) {
                    counts[overdue ? 1 : 0]++;
                }
            } catch (RuntimeException e) {
                claims.release(key, owner);
                log.warn("VI-7 notice {} failed, released for the next pass: {}", key, e.getMessage());
            }
        }
        if (counts[0] + counts[1] > 0) {
            log.info("VI-7: {} plans due soon, {} overdue", counts[0], counts[1]);
        }
    }

    /** Completes a plan whose record was filed but whose completion was not written; true when it did. */
    private boolean healed(VisitPlan plan) {
        try {
            return records.forPlan(plan.getId()).map(record -> {
                plans.update(plan.getId(), p -> p.complete(record.getId(), record.getVisitedAt()));
                log.info("VI-3: plan {} completed by its record {} (completion had not been written)", plan.getId(),
                        record.getId());
                return true;
            }).orElse(false);
        } catch (RuntimeException e) {
            log.warn("plan {} has a record but could not be completed now: {}", plan.getId(), e.getMessage());
            return true;
        }
    }

    /** Open plans still owing a notice: overdue and not told so, or due soon and told nothing yet. */
    private List<VisitPlan> candidates(Instant now, Instant dueSoonUntil) {
        Criteria owing = new Criteria().orOperator(
                Criteria.where("dueBy").lt(now),
                Criteria.where("dueNotifiedAt").is(null));
        Query query = Query.query(new Criteria().andOperator(Criteria.where("status").is(PlanStatus.PLANNED),
                Criteria.where("dueBy").lte(dueSoonUntil), Criteria.where("overdueNotifiedAt").is(null), owing))
                .with(Sort.by("dueBy")).limit(settings.jobs().batchSize());
        return plans.mongo().find(query, VisitPlan.class);
    }
}
