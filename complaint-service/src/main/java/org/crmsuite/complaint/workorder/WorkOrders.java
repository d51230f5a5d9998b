package org.crmsuite.complaint.workorder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.crmsuite.complaint.ComplaintSettings;
import org.crmsuite.complaint.access.Access;
import org.crmsuite.complaint.cases.Cases;
import org.crmsuite.platform.jobs.WorkClaims;
import org.crmsuite.platform.events.AggregateStore;
import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.identity.Role;
import org.crmsuite.platform.web.DomainException;
import org.crmsuite.platform.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Work orders (CO-10) and who may do what with them: dispatchers issue, call back, archive and review the unfinished
 * ones at the end of the day; the assignee acknowledges, reports progress, escalates, completes; the sign-off is
 * recorded by either. Also the overdue job: an unfinished order past its reply-by time is flagged once.
 */
@Service
public class WorkOrders {

    private static final Logger log = LoggerFactory.getLogger(WorkOrders.class);

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final Cases cases;
    private final WorkClaims claims;
    private final ComplaintSettings settings;
    private final Clock clock;
    private final String owner = "work-orders-" + UUID.randomUUID().toString().substring(0, 8);

    WorkOrders(MongoTemplate mongo, AggregateStore store, Cases cases, WorkClaims claims, ComplaintSettings settings,
            Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.cases = cases;
        this.claims = claims;
        this.settings = settings;
        this.clock = clock;
    }

    public WorkOrder issue(Caller caller, String assigneeId, String location, String task, String requirements,
            Instant replyBy, String complaintId) {
        Access.require(caller.has(Role.DISPATCHER), "Only a dispatcher issues work orders");
        Instant now = clock.instant();
        if (!replyBy.isAfter(now)) {
            throw DomainException.badRequest("request.invalid", "replyBy must be in the future")
                    .with("errors", List.of(new Problems.FieldError("replyBy", "must be in the future")));
        }
        if (complaintId != null && !cases.exists(complaintId)) {
            throw DomainException.badRequest("request.invalid", "complaintId names no complaint")
                    .with("errors", List.of(new Problems.FieldError("complaintId", "names no complaint")));
        }
        String department = caller.department() != null ? caller.department() : settings.defaultDepartment();
        return store.save(WorkOrder.issue(caller.id(), department, assigneeId, location, task, requirements, replyBy,
                complaintId, now));
    }

    WorkOrder visible(String id, Caller caller) {
        WorkOrder order = mongo.findById(id, WorkOrder.class);
        if (order == null) {
            throw DomainException.notFound("work-order", id);
        }
        requireStaff(caller);
        boolean allowed = caller.hasAny(Role.ADMIN, Role.GM) || caller.id().equals(order.getAssigneeId())
                || caller.id().equals(order.getDispatcherId())
                || (caller.hasAny(Role.DISPATCHER, Role.MANAGER, Role.DIRECTOR) && caller.inDepartment(order.getDepartmentId()))
                || order.getEscalations().stream().anyMatch(e -> e.fromAssigneeId().equals(caller.id()));
        Access.require(allowed, "Not a work order of yours or of your department");
        return order;
    }

    WorkOrder acknowledge(String id, Caller caller) {
        return change(id, caller, order -> order.acknowledge(caller.id(), clock.instant()));
    }

    WorkOrder reportProgress(String id, Caller caller, String note, Instant expectedCompletionAt) {
        return change(id, caller, order -> order.reportProgress(caller.id(), note, expectedCompletionAt, clock.instant()));
    }

    WorkOrder escalate(String id, Caller caller, String superiorId, String reason) {
        return change(id, caller, order -> order.escalate(caller.id(), superiorId, reason, clock.instant()));
    }

    WorkOrder complete(String id, Caller caller, String process, String result) {
        return change(id, caller, order -> order.complete(caller.id(), process, result, clock.instant()));
    }

    WorkOrder signOff(String id, Caller caller, String signedBy, String note) {
        return change(id, caller, order -> {
            Access.require(caller.id().equals(order.getAssigneeId()) || isDispatcherOf(caller, order),
                    "The assignee or the dispatcher records the sign-off");
            order.signOff(caller.id(), signedBy, note, clock.instant());
        });
    }

    WorkOrder callBack(String id, Caller caller, String note, Boolean satisfied) {
        return change(id, caller, order -> {
            Access.require(isDispatcherOf(caller, order), "The dispatcher makes the call-back");
            order.callBack(caller.id(), note, satisfied, clock.instant());
        });
    }

    WorkOrder archive(String id, Caller caller) {
        return change(id, caller, order -> {
            Access.require(isDispatcherOf(caller, order), "The dispatcher archives");
            order.archive(caller.id(), clock.instant());
        });
    }

    /** CO-10: the end-of-day review — orders issued by the end of {@code date} and still not completed, soonest due first. */
    List<WorkOrder> unfinished(Caller caller, LocalDate date, String departmentId) {
        Access.require(caller.hasAny(Role.DISPATCHER, Role.MANAGER, Role.DIRECTOR, Role.GM, Role.ADMIN),
                "The end-of-day list is the dispatcher's");
        String department = departmentId != null && caller.hasAny(Role.GM, Role.ADMIN) ? departmentId : caller.department();
        Access.require(department != null || caller.hasAny(Role.GM, Role.ADMIN),
                "The end-of-day list is a department's: the token names none");
        ZoneId zone = cases.schedule().calendar().zone();
        LocalDate day = date != null ? date : LocalDate.ofInstant(clock.instant(), zone);
        Instant endOfDay = day.plusDays(1).atStartOfDay(zone).toInstant();
        Criteria criteria = Criteria.where("finished").is(false).and("issuedAt").lt(endOfDay);
        if (department != null) {
            criteria.and("departmentId").is(department);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("replyBy")).limit(500), WorkOrder.class);
    }

    List<WorkOrder> list(Caller caller, String assigneeId, WorkOrder.State state, int page, int size) {
        requireStaff(caller);
        Criteria criteria = new Criteria();
        if (caller.hasAny(Role.ADMIN, Role.GM)) {
            // everything
        } else if (caller.hasAny(Role.DISPATCHER, Role.MANAGER, Role.DIRECTOR) && caller.department() != null) {
            criteria = Criteria.where("departmentId").is(caller.department());
        } else {
            criteria = Criteria.where("assigneeId").is(caller.id());
        }
        if (assigneeId != null) {
            criteria = new Criteria().andOperator(criteria, Criteria.where("assigneeId").is(assigneeId));
        }
        if (state != null) {
            criteria = new Criteria().andOperator(criteria, Criteria.where("state").is(state));
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "issuedAt")).skip((long) page * size)
                .limit(size), WorkOrder.class);
    }

    @Scheduled(fixedDelayString = "${crm.complaint.jobs.work-order-interval}", initialDelayString = "${crm.complaint.jobs.work-order-interval}")
    void scheduledOverdueCheck() {
        try {
            flagOverdue();
        } catch (RuntimeException e) {
            log.warn("work-order overdue pass failed: {}", e.getMessage());
        }
    }

    /** Flags unfinished orders past their reply-by time (claimed per order, so once with several instances). */
    public int flagOverdue() {
        Instant now = clock.instant();
        List<WorkOrder> due = mongo.find(Query.query(Criteria.where("overdueCheckAt").lte(now)).with(Sort.by("overdueCheckAt"))
                .limit(settings.jobs().batchSize()), WorkOrder.class);
        int flagged = 0;
        for (WorkOrder candidate : due) {
            String key = candidate.getId() + ":OVERDUE";
            if (!claims.claim(key, owner, settings.jobs().claimLease())) {
                continue;
            }
            try {
                for (int attempt = 0; attempt < 5; attempt++) {
                    WorkOrder order = mongo.findById(candidate.getId(), WorkOrder.class);
                    if (order == null || !order.flagOverdue(now)) {
                        break;
                    }
                    try {
                        store.save(order);
                        flagged++;
                        break;
                    } catch (OptimisticLockingFailureException changedMeanwhile) {
                        log.debug("work order {} changed meanwhile; again", order.getId());
                    }
                }
                claims.done(key, owner);
            } catch (RuntimeException e) {
                claims.release(key, owner);
                log.warn("overdue check of work order {} failed: {}", candidate.getId(), e.getMessage());
            }
        }
        return flagged;
    }

    private WorkOrder change(String id, Caller caller, java.util.function.Consumer<WorkOrder> change) {
        WorkOrder order = visible(id, caller);
        change.accept(order);
        return store.save(order);
    }

    /**
     * Work orders are the staff's (CO-10): an assignee may hold any staff role, but a partner system or another
     * service is never one, whatever id it has.
     */
    private static void requireStaff(Caller caller) {
        boolean staff = caller.roles().stream().anyMatch(role -> role != Role.PARTNER && role != Role.SERVICE);
        Access.require(staff, "Work orders are for staff");
    }

    private static boolean isDispatcherOf(Caller caller, WorkOrder order) {
        return caller.has(Role.DISPATCHER) && (caller.id().equals(order.getDispatcherId()) || caller.inDepartment(order.getDepartmentId()));
    }
}
