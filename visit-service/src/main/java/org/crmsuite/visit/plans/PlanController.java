package org.crmsuite.visit.plans;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.identity.Role;
import org.crmsuite.visit.access.Access;
import org.crmsuite.visit.calendar.VisitCalendar;
import org.crmsuite.visit.customers.CustomerView;
import org.crmsuite.visit.customers.CustomerViews;
import org.crmsuite.visit.policy.Policies;
import org.crmsuite.visit.web.Filters;
import org.crmsuite.visit.web.Invalid;
import org.crmsuite.visit.web.PageView;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/visit-plans}: visit plans (VI-2), made by the cadence, by triggers (VI-6) or by a person. */
@RestController
class PlanController {

    private final Plans plans;
    private final CustomerViews customers;
    private final Policies policies;
    private final VisitCalendar calendar;

    PlanController(Plans plans, CustomerViews customers, Policies policies, VisitCalendar calendar) {
        this.plans = plans;
        this.customers = customers;
        this.policies = policies;
        this.calendar = calendar;
    }

    record StopBody(@NotNull Instant at, @NotBlank @Size(max = 300) String place, @Size(max = 500) String activity) {
    }

    record ContactBody(@NotBlank @Size(max = 100) String name, @Size(max = 40) String phone, @Email String email) {
    }

    record NewPlan(@NotBlank String customerId, @NotBlank @Size(max = 500) String purpose, @NotNull Instant plannedAt,
            Instant dueBy, @Size(max = 300) String place, List<@NotBlank String> participants,
            List<@Valid StopBody> itinerary, @Valid ContactBody contact, String ownerId) {
    }

    record PlanDetails(@Size(max = 500) String purpose, @Size(max = 300) String place,
            List<@NotBlank String> participants, List<@Valid StopBody> itinerary, @Valid ContactBody contact,
            @NotNull @Min(0) Long version) {
    }

    record RescheduleBody(@NotNull Instant plannedAt, @NotBlank @Size(max = 500) String reason,
            @Size(max = 300) String place, Long version) {
    }

    record CancelBody(@NotBlank @Size(max = 500) String reason) {
    }

    /** A customer's cadence (VI-1) as this service sees it, and its open plans. */
    record CustomerPlans(CustomerView customer, boolean acceptsPlans, boolean outOfTown, List<CadenceRule.Cadence> cadences,
            List<PlanView> openPlans) {
    }

    @PostMapping("/api/v1/visit-plans")
    ResponseEntity<PlanView> create(@Valid @RequestBody NewPlan body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Caller caller) {
        Access.require(Access.isStaff(caller), "Only staff plan visits");
        Instant now = calendar.now();
        if (body.plannedAt().isBefore(now)) {
            throw Invalid.field("plannedAt", "must be in the future");
        }
        if (body.dueBy() != null && body.dueBy().isBefore(body.plannedAt())) {
            throw Invalid.field("dueBy", "must not be before plannedAt");
        }
        CustomerView customer = customers.require(body.customerId());
        String owner = body.ownerId() == null ? caller.id() : body.ownerId();
        Access.require(Access.mayAct(caller, customer.getDepartmentId(), customer.getOwnerId()),
                "You plan visits only to customers you own, or (managers) of your department");
        Access.require(owner.equals(caller.id()) || caller.hasAny(Role.MANAGER, Role.DIRECTOR, Role.GM, Role.ADMIN),
                "You plan visits for yourself; a manager may plan them for others");
        Instant dueBy = body.dueBy() != null ? body.dueBy() : calendar.endOfWork(calendar.dateOf(body.plannedAt()));
        Plans.Created created = plans.manual(customer, new VisitPlan.Draft(customer.getId(), customer.getName(),
                customer.getDepartmentId(), owner, customer.priority(), PlanKind.MANUAL, null, null, 0, null, body.purpose(),
                body.plannedAt(), dueBy, body.place(), body.participants(), stops(body.itinerary()), contact(body.contact()),
                null, caller.id()), idempotencyKey == null ? null : caller.id() + ":" + idempotencyKey);
        VisitPlan plan = created.plan();
        return ResponseEntity.status(created.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/v1/visit-plans/" + plan.getId()))
                .header("Idempotent-Replayed", String.valueOf(created.repeated())).body(PlanView.of(plan));
    }

    @GetMapping("/api/v1/visit-plans/{id}")
    PlanView get(@PathVariable String id, Caller caller) {
        VisitPlan plan = plans.get(id);
        requireSee(caller, plan);
        return PlanView.of(plan);
    }

    @GetMapping("/api/v1/visit-plans")
    PageView<PlanView> list(@RequestParam(required = false) String customerId,
            @RequestParam(required = false) String ownerId, @RequestParam(required = false) String departmentId,
            @RequestParam(required = false) PlanStatus status, @RequestParam(required = false) PlanKind kind,
            @RequestParam(required = false) Instant dueFrom, @RequestParam(required = false) Instant dueTo,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Caller caller) {
        var scope = Access.Scope.of(caller, departmentId, ownerId);
        var criteria = new Filters().is("customerId", customerId).is("ownerId", scope.ownerId())
                .is("departmentId", scope.departmentId()).is("status", status).is("kind", kind)
                .between("dueBy", dueFrom, dueTo).criteria();
        int p = PageView.page(page);
        int s = PageView.size(size);
        Query query = Query.query(criteria);
        long total = plans.mongo().count(query, VisitPlan.class);
        List<VisitPlan> items = plans.mongo().find(query.with(Sort.by("dueBy", "priority")).skip((long) p * s).limit(s),
                VisitPlan.class);
        return new PageView<>(PlanView.of(items), p, s, total);
    }

    @PutMapping("/api/v1/visit-plans/{id}")
    PlanView describe(@PathVariable String id, @Valid @RequestBody PlanDetails body, Caller caller) {
        VisitPlan plan = plans.get(id);
        requireAct(caller, plan);
        if (!body.version().equals(plan.getVersion())) {
            throw new OptimisticLockingFailureException("plan " + id + " version " + body.version() + " is stale");
        }
        plan.describe(body.purpose(), body.place(), body.participants(),
                body.itinerary() == null ? null : stops(body.itinerary()), contact(body.contact()));
        return PlanView.of(plans.save(plan));
    }

    /** VI-2: a new time, with the reason. */
    @PostMapping("/api/v1/visit-plans/{id}/reschedule")
    PlanView reschedule(@PathVariable String id, @Valid @RequestBody RescheduleBody body, Caller caller) {
        VisitPlan plan = plans.get(id);
        requireAct(caller, plan);
        if (body.version() != null && !body.version().equals(plan.getVersion())) {
            throw new OptimisticLockingFailureException("plan " + id + " version " + body.version() + " is stale");
        }
        if (body.plannedAt().isBefore(calendar.now())) {
            throw Invalid.field("plannedAt", "must be in the future");
        }
        plan.reschedule(body.plannedAt(), body.place(), body.reason().strip(), caller.id(), calendar.now());
        return PlanView.of(plans.save(plan));
    }

    /** Withdraws a plan. Cadence and triggered plans only by a manager or above (the rules made them). */
    @PostMapping("/api/v1/visit-plans/{id}/cancel")
    PlanView cancel(@PathVariable String id, @Valid @RequestBody CancelBody body, Caller caller) {
        VisitPlan plan = plans.get(id);
        requireAct(caller, plan);
        Access.require(plan.getKind() == PlanKind.MANUAL || caller.hasAny(Role.MANAGER, Role.DIRECTOR, Role.GM, Role.ADMIN),
                "Only a manager withdraws a plan the visit rules made (VI-1, VI-6)");
        if (!plan.isOpen()) {
            throw org.crmsuite.platform.web.DomainException.conflict("plan.closed", "Plan " + id + " is " + plan.getStatus());
        }
        plan.cancel("WITHDRAWN", body.reason().strip(), caller.id());
        return PlanView.of(plans.save(plan));
    }

    @GetMapping("/api/v1/visit-plans/customers/{customerId}")
    CustomerPlans customer(@PathVariable String customerId, Caller caller) {
        CustomerView customer = customers.require(customerId);
        Access.require(Access.maySee(caller, customer.getDepartmentId(), customer.getOwnerId()),
                "You do not see this customer's visits");
        var policy = policies.current();
        List<VisitPlan> open = plans.mongo().find(Query.query(new Filters().is("customerId", customerId)
                .is("status", PlanStatus.PLANNED).criteria()).with(Sort.by("dueBy")), VisitPlan.class);
        return new CustomerPlans(customer, customer.acceptsPlans(), customer.isOutOfTown(policy.homeRegions()),
                customer.isComplete() ? CadenceRule.cadencesFor(customer, policy) : List.of(), PlanView.of(open));
    }

    /** VI-2 by hand: the customer's cadence plans made again now (e.g. after a policy change). */
    @PostMapping("/api/v1/visit-plans/customers/{customerId}/regenerate")
    CustomerPlans regenerate(@PathVariable String customerId, Caller caller) {
        CustomerView customer = customers.require(customerId);
        Access.require(Access.seesAll(caller) || (caller.has(Role.MANAGER) && caller.inDepartment(customer.getDepartmentId())),
                "Only a manager of the customer's department or above regenerates plans");
        Plans.refuseIfNoBusiness(customer);
        plans.regenerate(customer, "VI-2: regenerated by " + caller.id());
        return customer(customerId, caller);
    }

    private static void requireSee(Caller caller, VisitPlan plan) {
        Access.require(Access.maySee(caller, plan.getDepartmentId(), plan.getOwnerId()), "You do not see this plan");
    }

    private static void requireAct(Caller caller, VisitPlan plan) {
        Access.require(Access.mayAct(caller, plan.getDepartmentId(), plan.getOwnerId()),
                "You change only your own plans, or (managers) those of your department");
    }

    private static List<VisitPlan.Stop> stops(List<StopBody> itinerary) {
        return itinerary == null ? List.of() : itinerary.stream().map(s -> new VisitPlan.Stop(s.at(), s.place(), s.activity())).toList();
    }

    private static VisitPlan.Contact contact(ContactBody contact) {
        return contact == null ? null : new VisitPlan.Contact(contact.name(), contact.phone(), contact.email());
    }
}
