package org.crmsuite.complaint.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import org.crmsuite.complaint.access.Access;
import org.crmsuite.complaint.calendar.Calendars;
import org.crmsuite.complaint.policy.ComplaintPolicy;
import org.crmsuite.complaint.policy.Policies;
import org.crmsuite.platform.events.AggregateStore;
import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.identity.Role;
import org.crmsuite.platform.web.DomainException;
import org.crmsuite.platform.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The complaint cases: intake into the workflow, handling, and what the jobs need (SLA clock, customer verification).
 * The one public entry of the {@code cases} feature.
 */
@Service
public class Cases {

    private static final Logger log = LoggerFactory.getLogger(Cases.class);
    private static final int RETRIES_ON_CONFLICT = 5;

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final Calendars calendars;
    private final Policies policies;
    private final Clock clock;

    Cases(MongoTemplate mongo, AggregateStore store, Calendars calendars, Policies policies, Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.calendars = calendars;
        this.policies = policies;
        this.clock = clock;
    }

    /** The calendar and policy in force, for computing deadlines now. */
    public DeadlineSchedule schedule() {
        ComplaintPolicy policy = policies.current();
        return new DeadlineSchedule(calendars.calendar(policy.calendarId()), policy);
    }

    public Complaint get(String id) {
        Complaint complaint = mongo.findById(id, Complaint.class);
        if (complaint == null) {
            throw DomainException.notFound("complaint", id);
        }
        return complaint;
    }

    public boolean exists(String id) {
        return mongo.exists(Query.query(Criteria.where("_id").is(id)), Complaint.class);
    }

    /** A case the caller may see; others' cases are 403, a partner asking for another's filing gets 404. */
    Complaint visible(String id, Caller caller) {
        Complaint complaint = get(id);
        if (!CaseAccess.canView(caller, complaint)) {
            if (caller.has(Role.PARTNER) && !Access.isStaff(caller)) {
                throw CaseAccess.hidden(id);
            }
            throw Access.denied("Your role or department does not see this case");
        }
        return complaint;
    }

    /**
     * Files a complaint (CO-1, CO-2). A repeat with the same idempotency key returns the first case. A complaint
     * naming {@code relatedTo} is a second complaint on the same matter (CO-8): it links to the first and both are
     * raised to at least the level above the first's.
     */
    public Complaint receive(Complaint.Intake intake, CustomerVerification verification,
            Complaint.CustomerSnapshot snapshot) {
        if (intake.idempotencyKey() != null) {
            Complaint earlier = byIdempotencyKey(intake.idempotencyKey());
            if (earlier != null) {
                return earlier;
            }
        }
        DeadlineSchedule schedule = schedule();
        Instant now = clock.instant();
        Level level = intake.level();
        Complaint first = null;
        if (intake.relatedTo() != null) {
            first = mongo.findById(intake.relatedTo(), Complaint.class);
            if (first == null) {
                throw DomainException.badRequest("complaint.related-not-found",
                        "relatedTo names no complaint: " + intake.relatedTo())
                        .with("errors", List.of(new Problems.FieldError("relatedTo", "names no complaint")));
            }
            level = level.atLeast(first.getLevel().next());
        }
        Complaint.Intake raised = new Complaint.Intake(intake.receivedAt(), intake.channel(), intake.category(),
                intake.content(), level, intake.customerId(), intake.contact(), intake.products(), intake.stores(),
                intake.staff(), intake.attachments(), intake.departmentId(), intake.filedBy(), intake.filedByPartner(),
                intake.relatedTo(), intake.idempotencyKey());
        Complaint complaint = Complaint.receive(raised, verification, snapshot, schedule, now);
        try {
            store.save(complaint);
        } catch (DuplicateKeyException repeat) {
            Complaint earlier = byIdempotencyKey(intake.idempotencyKey());
            if (earlier != null) {
                return earlier;
            }
            throw repeat;
        }
        if (first != null) {
            Level matterLevel = level;
            String secondId = complaint.getId();
            update(first.getId(), c -> {
                c.secondComplaintOnSameMatter(secondId, matterLevel, intake.filedBy(), schedule, now);
                return true;
            });
        }
        return complaint;
    }

    /** The case filed earlier with this (caller-scoped) idempotency key, or null. */
    public Complaint byIdempotencyKey(String key) {
        return mongo.findOne(Query.query(Criteria.where("idempotencyKey").is(key)), Complaint.class);
    }

    // ---------------------------------------------------------------- handling (the caller's requests)

    Complaint transition(String id, Long expectedVersion, Caller caller, ComplaintState to, String note, Integer rating,
            boolean customerUnreachable, String cause, String solution) {
        Complaint complaint = forUpdate(id, expectedVersion, caller);
        if (to == ComplaintState.REOPENED) {
            Access.require(CaseAccess.canReopen(caller, complaint), "Only a manager or director of the case reopens it");
        } else {
            CaseAccess.requireHandler(caller, complaint);
        }
        complaint.transition(to, caller.id(), note, rating, customerUnreachable, cause, solution, schedule(), clock.instant());
        return store.save(complaint);
    }

    Complaint assign(String id, Long expectedVersion, Caller caller, String handlerId, String note) {
        Complaint complaint = forUpdate(id, expectedVersion, caller);
        Access.require(CaseAccess.canAssign(caller, complaint, handlerId),
                "Managers and directors assign cases of their tier and department; an agent only takes one for itself");
        complaint.assign(handlerId, caller.id(), note, clock.instant());
        return store.save(complaint);
    }

    Complaint recordContact(String id, Long expectedVersion, Caller caller, Instant at, String channel, String summary) {
        Complaint complaint = forUpdate(id, expectedVersion, caller);
        CaseAccess.requireHandler(caller, complaint);
        Instant now = clock.instant();
        if (at != null && at.isAfter(now)) {
            throw DomainException.badRequest("complaint.contact-in-future", "A contact cannot be recorded before it happened");
        }
        complaint.recordContact(at == null ? now : at, channel, summary, caller.id(), schedule(), now);
        return store.save(complaint);
    }

    Complaint waitOnCustomer(String id, Long expectedVersion, Caller caller, boolean waiting, String note) {
        Complaint complaint = forUpdate(id, expectedVersion, caller);
        CaseAccess.requireHandler(caller, complaint);
        complaint.waitOnCustomer(waiting, caller.id(), note, schedule(), clock.instant());
        return store.save(complaint);
    }

    /** CO-5: only a director approves an L3 case taking longer than 3 business days. */
    Complaint extendResolution(String id, Long expectedVersion, Caller caller, int businessDays, String note) {
        Complaint complaint = forUpdate(id, expectedVersion, caller);
        if (!caller.has(Role.DIRECTOR)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "complaint.extension-needs-director",
                    "Extending an L3 case past its first deadline needs a director's approval (CO-5)");
        }
        Access.require(CaseAccess.canView(caller, complaint), "Not a case of yours");
        complaint.extendResolution(businessDays, caller.id(), note, schedule(), clock.instant());
        return store.save(complaint);
    }

    private Complaint forUpdate(String id, Long expectedVersion, Caller caller) {
        Complaint complaint = visible(id, caller);
        if (expectedVersion != null && !expectedVersion.equals(complaint.getVersion())) {
            throw new DomainException(HttpStatus.PRECONDITION_FAILED, "concurrency.precondition-failed",
                    "The case is at version " + complaint.getVersion() + ", not " + expectedVersion + "; reload it")
                    .with("version", complaint.getVersion());
        }
        return complaint;
    }

    // ---------------------------------------------------------------- queries

    /** Open cases ordered for work (CU-9): customer grade VIP, preferred, qualified, unknown; then earliest deadline. */
    List<Complaint> queue(Criteria filter, int page, int size) {
        Query query = Query.query(new Criteria().andOperator(Criteria.where("open").is(true), filter))
                .with(Sort.by(Sort.Order.asc("gradeRank"), Sort.Order.asc("queueDueAt"), Sort.Order.asc("receivedAt")))
                .skip((long) page * size).limit(size);
        return mongo.find(query, Complaint.class);
    }

    long count(Query query) {
        return mongo.count(Query.of(query).limit(0).skip(0), Complaint.class);
    }

    List<Complaint> find(Query query) {
        return mongo.find(query, Complaint.class);
    }

    // ---------------------------------------------------------------- jobs

    /** Ids of open cases with an SLA check due (indexed on {@code nextCheckAt}), earliest first. */
    public List<String> dueForSlaCheck(Instant now, int limit) {
        Query query = Query.query(Criteria.where("nextCheckAt").lte(now)).with(Sort.by("nextCheckAt")).limit(limit);
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, Complaint.COLLECTION).stream()
                .map(d -> d.get("_id").toString()).toList();
    }

    /** Cases whose customer could not be checked at intake, oldest first. */
    public List<Complaint> unverified(int limit) {
        return mongo.find(Query.query(Criteria.where("customerVerification").is(CustomerVerification.UNVERIFIED))
                .with(Sort.by("receivedAt")).limit(limit), Complaint.class);
    }

    /**
     * Loads, changes and saves a case, loading again when another instance or request changed it meanwhile (the jobs
     * use this; their changes are idempotent, so applying on the fresh state is right). {@code change} answers whether
     * it changed anything; nothing is written when it did not.
     */
    public Complaint update(String id, Predicate<Complaint> change) {
        for (int attempt = 1;; attempt++) {
            Complaint complaint = get(id);
            if (!change.test(complaint)) {
                return complaint;
            }
            try {
                return store.save(complaint);
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= RETRIES_ON_CONFLICT) {
                    throw e;
                }
                log.debug("case {} changed meanwhile; applying again", id);
            }
        }
    }

    public Instant now() {
        return clock.instant();
    }
}
