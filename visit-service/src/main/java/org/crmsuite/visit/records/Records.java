package org.crmsuite.visit.records;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.crmsuite.platform.events.AggregateStore;
import org.crmsuite.platform.jobs.MongoLeases;
import org.crmsuite.platform.web.DomainException;
import org.crmsuite.visit.VisitSettings;
import org.crmsuite.visit.customers.CustomerView;
import org.crmsuite.visit.customers.CustomerViews;
import org.crmsuite.visit.plans.Plans;
import org.crmsuite.visit.plans.VisitPlan;
import org.crmsuite.visit.web.Invalid;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Filing visit records (VI-3) with their scored reports (VI-4). A record for a plan completes the plan; filing for one
 * plan runs under a lease ({@code plan-record:<planId>}), so two records cannot both complete the same plan, even on two
 * instances.
 */
@Service
public class Records {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final Plans plans;
    private final CustomerViews customers;
    private final MongoLeases leases;
    private final Clock clock;
    private final VisitSettings settings;

    Records(MongoTemplate mongo, AggregateStore store, Plans plans, CustomerViews customers, MongoLeases leases,
            Clock clock, VisitSettings settings) {
        this.mongo = mongo;
        this.store = store;
        this.plans = plans;
        this.customers = customers;
        this.leases = leases;
        this.clock = clock;
        this.settings = settings;
    }

    /** What a person files: the visit and, optionally, the VI-4 labels. */
    public record Filing(String customerId, String planId, Mode mode, Instant visitedAt, String place,
            List<String> participants, String content, String customerFeedback, List<String> problemsSolved,
            List<String> nextSteps, Labels report) {
    }

    public record Labels(String productQuality, String serviceAttitude, String productReputation) {
    }

    public record Filed(VisitRecord record, boolean repeated) {
    }

    public VisitRecord get(String id) {
        VisitRecord record = mongo.findById(id, VisitRecord.class);
        if (record == null) {
            throw DomainException.notFound("visit-record", id);
        }
        return record;
    }

    public Optional<VisitRecord> forPlan(String planId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("planId").is(planId))
                .with(Sort.by("visitedAt")), VisitRecord.class));
    }

    /**
     * Files a record. 400 for a visit dated more than the tolerance ahead (VI-3) or a label the scale lacks (VI-4);
     * 409 for a plan of another customer or a plan no longer open. {@code authorise} is asked with the customer and
     * the plan before anything is written.
     */
    public Filed file(Filing filing, String visitedBy, String idempotencyKey,
            java.util.function.BiConsumer<CustomerView, VisitPlan> authorise) {
        if (idempotencyKey != null) {
            VisitRecord earlier = mongo.findOne(Query.query(Criteria.where("idempotencyKey").is(idempotencyKey)), VisitRecord.class);
            if (earlier != null) {
                return new Filed(earlier, true);
            }
        }
        Instant now = clock.instant();
        if (filing.visitedAt().isAfter(now.plus(settings.recordFutureTolerance()))) {
            throw Invalid.field("visitedAt", "must not be more than " + describe(settings.recordFutureTolerance())
                    + " in the future (VI-3: a record is filed after the visit)");
        }
        if (filing.mode() == Mode.ON_SITE && (filing.place() == null || filing.place().isBlank())) {
            throw Invalid.field("place", "is required for an ON_SITE visit");
        }
        VisitRecord.Report report = filing.report() == null ? null : score(filing.report());
        CustomerView customer = customers.require(filing.customerId());
        if (filing.planId() == null) {
            authorise.accept(customer, null);
            return new Filed(save(customer, filing, visitedBy, report, idempotencyKey), false);
        }
        return leases.withLease("plan-record:" + filing.planId(), Duration.ofSeconds(30), Duration.ofSeconds(5), () -> {
            VisitPlan plan = plans.get(filing.planId());
            authorise.accept(customer, plan);
            if (!plan.getCustomerId().equals(filing.customerId())) {
                throw DomainException.conflict("plan.other-customer", "Plan " + plan.getId() + " is a visit to customer "
                        + plan.getCustomerId() + ", not to " + filing.customerId()).with("planCustomerId", plan.getCustomerId());
            }
            if (!plan.isOpen()) {
                throw DomainException.conflict("plan.closed", "Plan " + plan.getId() + " is " + plan.getStatus()
                        + "; file the record without a plan or for an open plan").with("planStatus", plan.getStatus().name());
            }
            VisitRecord record = save(customer, filing, visitedBy, report, idempotencyKey);
            plans.update(plan.getId(), p -> p.complete(record.getId(), record.getVisitedAt()));
            return new Filed(record, false);
        });
    }

    private VisitRecord save(CustomerView customer, Filing filing, String visitedBy, VisitRecord.Report report,
            String idempotencyKey) {
        VisitRecord record = VisitRecord.file(new VisitRecord.Draft(customer.getId(), customer.getName(),
                customer.getDepartmentId(), customer.getOwnerId(), visitedBy, filing.planId(), filing.mode(),
                filing.visitedAt(), filing.place(), filing.participants(), filing.content(), filing.customerFeedback(),
                filing.problemsSolved(), filing.nextSteps(), report, idempotencyKey));
        try {
            store.save(record);
        } catch (DuplicateKeyException sameKeyMeanwhile) {
            return mongo.findOne(Query.query(Criteria.where("idempotencyKey").is(idempotencyKey)), VisitRecord.class);
        }
        customers.visited(customer.getId(), record.getVisitedAt());
        return record;
    }

    /** VI-4: labels to scores; 400 naming every unknown label with the labels its scale allows. */
    static VisitRecord.Report score(Labels labels) {
        List<org.crmsuite.platform.web.Problems.FieldError> errors = new ArrayList<>();
        java.util.Map<String, List<String>> allowed = new java.util.LinkedHashMap<>();
        ScoreScale.Level quality = level(ScoreScale.Dimension.PRODUCT_QUALITY, labels.productQuality(), errors, allowed);
        ScoreScale.Level service = level(ScoreScale.Dimension.SERVICE_ATTITUDE, labels.serviceAttitude(), errors, allowed);
        ScoreScale.Level reputation = level(ScoreScale.Dimension.PRODUCT_REPUTATION, labels.productReputation(), errors, allowed);
        if (!errors.isEmpty()) {
            throw DomainException.badRequest("report.unknown-label", "Unknown scale labels: "
                    + String.join(", ", errors.stream().map(org.crmsuite.platform.web.Problems.FieldError::field).toList()))
                    .with("errors", errors).with("allowed", allowed);
        }
        return new VisitRecord.Report(quality.label(), quality.score(), service.label(), service.score(),
                reputation.label(), reputation.score(),
                ScoreScale.overall(quality.score(), service.score(), reputation.score()));
    }

    private static ScoreScale.Level level(ScoreScale.Dimension dimension, String label,
            List<org.crmsuite.platform.web.Problems.FieldError> errors, java.util.Map<String, List<String>> allowed) {
        Optional<ScoreScale.Level> level = ScoreScale.level(dimension, label);
        if (level.isEmpty()) {
            List<String> labels = ScoreScale.labels(dimension);
            errors.add(new org.crmsuite.platform.web.Problems.FieldError("report." + dimension.field(),
                    (label == null ? "is required" : "unknown label '" + label + "'") + "; allowed: " + String.join(", ", labels)));
            allowed.put(dimension.field(), labels);
            return null;
        }
        return level.get();
    }

    private static String describe(Duration tolerance) {
        return tolerance.toHours() % 24 == 0 ? tolerance.toDays() + " day(s)" : tolerance.toHours() + " hour(s)";
    }
}
