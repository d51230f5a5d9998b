package org.crmsuite.visit.records;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.identity.Role;
import org.crmsuite.visit.access.Access;
import org.crmsuite.visit.customers.CustomerView;
import org.crmsuite.visit.customers.CustomerViews;
import org.crmsuite.visit.plans.VisitPlan;
import org.crmsuite.visit.web.Filters;
import org.crmsuite.visit.web.PageView;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/visits}: visit records (VI-3), their scored reports and the score reports (VI-4). */
@RestController
class RecordController {

    private final Records records;
    private final ScoreReports reports;
    private final CustomerViews customers;
    private final MongoTemplate mongo;

    RecordController(Records records, ScoreReports reports, CustomerViews customers, MongoTemplate mongo) {
        this.records = records;
        this.reports = reports;
        this.customers = customers;
        this.mongo = mongo;
    }

    record ReportBody(String productQuality, String serviceAttitude, String productReputation) {
    }

    record RecordBody(@NotBlank String customerId, String planId, @NotNull Mode mode, @NotNull Instant visitedAt,
            @Size(max = 300) String place, List<@NotBlank String> participants,
            @NotBlank @Size(max = 20_000) String content, @Size(max = 5_000) String customerFeedback,
            List<@NotBlank String> problemsSolved, List<@NotBlank String> nextSteps, @Valid ReportBody report) {
    }

    @PostMapping("/api/v1/visits")
    ResponseEntity<RecordView> file(@Valid @RequestBody RecordBody body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Caller caller) {
        Access.require(Access.isStaff(caller), "Only staff file visit records");
        Records.Filing filing = new Records.Filing(body.customerId(), body.planId(), body.mode(), body.visitedAt(),
                body.place(), body.participants(), body.content(), body.customerFeedback(), body.problemsSolved(),
                body.nextSteps(), body.report() == null ? null
                        : new Records.Labels(body.report().productQuality(), body.report().serviceAttitude(),
                                body.report().productReputation()));
        Records.Filed filed = records.file(filing, caller.id(), idempotencyKey == null ? null : caller.id() + ":" + idempotencyKey,
                (customer, plan) -> authorise(caller, customer, plan));
        VisitRecord record = filed.record();
        return ResponseEntity.status(filed.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/v1/visits/" + record.getId()))
                .header("Idempotent-Replayed", String.valueOf(filed.repeated())).body(RecordView.of(record));
    }

    private static void authorise(Caller caller, CustomerView customer, VisitPlan plan) {
        Access.require(Access.mayAct(caller, customer.getDepartmentId(), customer.getOwnerId(),
                plan == null ? null : plan.getOwnerId()),
                "You may file visits only for customers you own, plans assigned to you, or (managers) your department");
    }

    @GetMapping("/api/v1/visits/{id}")
    RecordView get(@PathVariable String id, Caller caller) {
        VisitRecord record = records.get(id);
        Access.require(Access.maySee(caller, record.getDepartmentId(), record.getOwnerId(), record.getVisitedBy()),
                "You do not see this customer's visits");
        return RecordView.of(record);
    }

    @GetMapping("/api/v1/visits")
    PageView<RecordView> list(@RequestParam(required = false) String customerId,
            @RequestParam(required = false) String ownerId, @RequestParam(required = false) String departmentId,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Caller caller) {
        Access.Scope scope = Access.Scope.of(caller, departmentId, ownerId);
        Criteria criteria = new Filters().is("customerId", customerId).is("ownerId", scope.ownerId())
                .is("departmentId", scope.departmentId()).between("visitedAt", from, to).criteria();
        int p = PageView.page(page);
        int s = PageView.size(size);
        Query query = Query.query(criteria);
        long total = mongo.count(query, VisitRecord.class);
        List<VisitRecord> items = mongo.find(query.with(Sort.by(Sort.Direction.DESC, "visitedAt")).skip((long) p * s).limit(s),
                VisitRecord.class);
        return new PageView<>(items.stream().map(RecordView::of).toList(), p, s, total);
    }

    /** VI-4: the named scales and the score of each label. */
    @GetMapping("/api/v1/visits/scales")
    Map<String, List<ScoreScale.Level>> scales(Caller caller) {
        Access.require(Access.mayList(caller), "Your role does not see visits");
        return ScoreScale.all();
    }

    @GetMapping("/api/v1/visits/reports/customers/{customerId}")
    ScoreReports.ScoreReport customerReport(@PathVariable String customerId,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to, Caller caller) {
        CustomerView customer = customers.require(customerId);
        Access.require(Access.maySee(caller, customer.getDepartmentId(), customer.getOwnerId()),
                "You do not see this customer's visits");
        return reports.forCustomer(customerId, from, to);
    }

    @GetMapping("/api/v1/visits/reports/managers/{ownerId}")
    ScoreReports.ScoreReport managerReport(@PathVariable String ownerId,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to, Caller caller) {
        boolean self = ownerId.equals(caller.id()) && caller.hasAny(Role.SALES, Role.AGENT, Role.MANAGER);
        boolean departmentManager = caller.has(Role.MANAGER) && customers.inDepartment(caller.department()).stream()
                .anyMatch(c -> ownerId.equals(c.getOwnerId()));
        Access.require(self || departmentManager || Access.seesAll(caller) || caller.has(Role.SERVICE),
                "You see your own scores, or (managers) those of your department's account managers");
        return reports.forManager(ownerId, from, to);
    }
}
