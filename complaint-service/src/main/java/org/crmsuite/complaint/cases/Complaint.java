package org.crmsuite.complaint.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.bson.types.ObjectId;
import org.crmsuite.complaint.events.ComplaintEvents;
import org.crmsuite.platform.events.AggregateRoot;
import org.crmsuite.platform.web.DomainException;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A complaint case (投诉): the record of CO-2, its level and handler (CO-4), its place in the workflow (CO-8), its
 * deadlines (CO-3, CO-5), progress contacts (CO-6) and closure (CO-7). Every change is a method here that raises its
 * event; the case is saved with {@code AggregateStore}, state and events in one document write.
 */
@Document("complaints")
@CompoundIndexes({
        @CompoundIndex(name = "queue_tier", def = "{'open': 1, 'departmentId': 1, 'handlerTier': 1, 'gradeRank': 1, 'queueDueAt': 1}"),
        @CompoundIndex(name = "queue_handler", def = "{'open': 1, 'handlerId': 1, 'gradeRank': 1, 'queueDueAt': 1}"),
        @CompoundIndex(name = "report_department", def = "{'departmentId': 1, 'receivedAt': 1}"),
        @CompoundIndex(name = "unverified", def = "{'customerVerification': 1, 'receivedAt': 1}"),
        @CompoundIndex(name = "filed_by", def = "{'filedBy': 1, 'receivedAt': -1}"),
        // a customer's complaints (the console's customer 360, GET /api/v1/complaints?customerId=)
        @CompoundIndex(name = "by_customer", def = "{'customerId': 1, 'receivedAt': -1}")
})
public class Complaint extends AggregateRoot {

    /** Sorts after every real deadline in queues: MongoDB puts missing values first in ascending order. */
    public static final Instant NO_DEADLINE = Instant.parse("9999-12-31T00:00:00Z");

    public static final String COLLECTION = "complaints";

    /** CO-2 contact of the complainant: a customer's contact person, or a consumer or franchisee without an id. */
    public record Contact(String name, String phone, String email, String kind) {
    }

    /** What customer-service said about the customer when it was asked (CU-9 grade orders the queues). */
    public record CustomerSnapshot(String name, String grade, String category, String ownerId, String departmentId,
            Boolean allowed, String reason) {
    }

    /** One line of the handling record: who did what, when, with which note. */
    public record HistoryEntry(String action, ComplaintState from, ComplaintState to, String by, Instant at, String note) {
    }

    /** CO-6: a progress contact with the customer. */
    public record ContactRecord(Instant at, String channel, String summary, String by) {
    }

    /** CO-7: the customer's rating (1–5) or that they could not be reached. */
    public record Rating(Integer score, boolean customerUnreachable, Level level, String by, Instant at) {
    }

    /** A check of the SLA clock that is due: a warning or breach of one deadline, or an overdue progress contact. */
    public record SlaCheck(String key, Stage stage, DeadlineKind kind, int round) {
        public enum Stage { WARNING, BREACH, PROGRESS_OVERDUE }
    }

    /** The facts of intake (CO-1, CO-2), checked by the caller. */
    public record Intake(Instant receivedAt, Channel channel, Category category, String content, Level level,
            String customerId, Contact contact, List<String> products, List<String> stores, List<String> staff,
            List<String> attachments, String departmentId, String filedBy, boolean filedByPartner, String relatedTo,
            String idempotencyKey) {
    }

    @Indexed
    private Instant receivedAt;
    private Channel channel;
    private Category category;
    private String content;
    private List<String> products = new ArrayList<>();
    private List<String> stores = new ArrayList<>();
    private List<String> staff = new ArrayList<>();
    private List<String> attachments = new ArrayList<>();

    private String customerId;
    private Contact contact;
    private CustomerSnapshot customer;
    private CustomerVerification customerVerification;
    private Instant customerCheckedAt;
    private String customerCheckNote;
    private int gradeRank = CustomerGrade.UNKNOWN_RANK;

    private String filedBy;
    private boolean filedByPartner;
    @Indexed(unique = true, sparse = true)
    private String idempotencyKey;

    private String departmentId;
    private Level level;
    private HandlerTier handlerTier;
    private String handlerId;
    private ComplaintState state;
    private boolean open;
    private boolean executiveMeeting;

    private String relatedTo;
    private List<String> relatedComplaints = new ArrayList<>();

    private String cause;
    /** {@link #cause} normalised, for counting recurring causes (CO-9). */
    private String causeKey;
    private String solution;

    private List<Deadline> deadlines = new ArrayList<>();
    private int deadlineRound;
    private Instant queueDueAt = NO_DEADLINE;
    @Indexed(sparse = true)
    private Instant nextCheckAt;

    private Instant waitingSince;
    private boolean clockPaused;

    private List<ContactRecord> contacts = new ArrayList<>();
    private Instant lastContactAt;
    private Instant progressContactDueAt;
    private boolean progressOverdue;

    private Rating rating;
    private List<Rating> ratings = new ArrayList<>();
    private Instant resolvedAt;
    private Instant closedAt;

    private List<HistoryEntry> history = new ArrayList<>();

    protected Complaint() {
    }

    /** CO-1/CO-2 intake: a new case at its level and tier, with the acknowledge, accept and resolve deadlines. */
    public static Complaint receive(Intake intake, CustomerVerification verification, CustomerSnapshot snapshot,
            DeadlineSchedule schedule, Instant now) {
        Complaint complaint = new Complaint();
        complaint.setId(new ObjectId().toHexString()); // known before saving: the events carry it
        complaint.receivedAt = intake.receivedAt();
        complaint.channel = intake.channel();
        complaint.category = intake.category();
        complaint.content = intake.content();
        complaint.products = copy(intake.products());
        complaint.stores = copy(intake.stores());
        complaint.staff = copy(intake.staff());
        complaint.attachments = copy(intake.attachments());
        complaint.customerId = intake.customerId();
        complaint.contact = intake.contact();
        complaint.departmentId = intake.departmentId();
        complaint.filedBy = intake.filedBy();
        complaint.filedByPartner = intake.filedByPartner();
        complaint.relatedTo = intake.relatedTo();
        complaint.idempotencyKey = intake.idempotencyKey();
        complaint.level = intake.level();
        complaint.handlerTier = intake.level().tier();
        complaint.state = ComplaintState.RECEIVED;
        complaint.applyCustomerCheck(verification, snapshot, now);

        Instant received = intake.receivedAt();
        complaint.addDeadline(DeadlineKind.ACKNOWLEDGE, received, schedule.acknowledgeDue(received), schedule, null);
        complaint.addDeadline(DeadlineKind.ACCEPT, received, schedule.acceptDue(received), schedule, null);
        int days = complaint.level.of(schedule.policy().resolveBusinessDays());
        complaint.addDeadline(DeadlineKind.RESOLVE, received, schedule.resolveDue(received, days), schedule, days);
        complaint.progressContactDueAt = schedule.progressContactDue(received, complaint.level);
        complaint.record("RECEIVED", null, ComplaintState.RECEIVED, intake.filedBy(), now,
                "via " + intake.channel() + (intake.relatedTo() == null ? "" : ", same matter as " + intake.relatedTo()));
        complaint.refreshSchedule();

        complaint.raise(ComplaintEvents.RECEIVED, new ComplaintEvents.Received(complaint.getId(), received, intake.channel().name(),
                intake.category().name(), complaint.level.name(), complaint.customerId, verification.name(),
                complaint.departmentId, complaint.handlerTier.name(), complaint.filedBy, complaint.relatedTo,
                complaint.deadline(DeadlineKind.ACKNOWLEDGE).getDueAt(), complaint.deadline(DeadlineKind.RESOLVE).getDueAt(),
                complaint.contactName(), complaint.contactPhone(), complaint.contactEmail()));
        if (complaint.level.isTop()) {
            complaint.reportToManagement("received at L3");
        }
        return complaint;
    }

    // ---------------------------------------------------------------- workflow (CO-8)

    /**
     * Moves the case to {@code to} (CO-8). {@code CLOSED} needs a rating or "customer unreachable" (CO-7);
     * {@code ESCALATED} raises the level by one (CO-4); illegal moves are 409 {@code complaint.illegal-transition}.
     */
    public void transition(ComplaintState to, String by, String note, Integer ratingScore, boolean customerUnreachable,
            String cause, String solution, DeadlineSchedule schedule, Instant now) {
        requireAllowed(to);
        switch (to) {
            case CLOSED -> close(ratingScore, customerUnreachable, by, note, schedule, now);
            case ESCALATED -> {
                requireNote(note, "an escalation");
                escalate(level.next(), "MANUAL", null, by, note, schedule, now);
            }
            case REOPENED -> reopen(by, note, schedule, now);
            default -> advance(to, by, note, cause, solution, now);
        }
        refreshSchedule();
    }

    private void advance(ComplaintState to, String by, String note, String newCause, String newSolution, Instant now) {
        ComplaintState from = state;
        state = to;
        record("TRANSITION", from, to, by, now, note);
        if (newCause != null && !newCause.isBlank()) {
            cause = newCause.trim();
            causeKey = cause.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        }
        if (newSolution != null && !newSolution.isBlank()) {
            solution = newSolution.trim();
        }
        Deadline acknowledge = deadline(DeadlineKind.ACKNOWLEDGE);
        boolean unacknowledged = acknowledge != null && acknowledge.isRunning();
        meetDeadlinesReachedBy(to, now);
        if (unacknowledged && to != ComplaintState.ACKNOWLEDGED && !acknowledge.isRunning()) {
            // CO-3/NO-1: a case taken further without the explicit step (e.g. escalated, then accepted) was still
            // acknowledged by this move, and the customer is told so
            raiseAcknowledged(by, now);
        }
        switch (to) {
            case ACKNOWLEDGED -> raiseAcknowledged(by, now);
            case ACCEPTED -> {
                if (handlerId == null) {
                    assign(by, by, "took the case on accepting it", now);
                }
            }
            case REPLIED -> {
                resolvedAt = now;
                Deadline resolve = currentResolve();
                raise(ComplaintEvents.RESOLVED, new ComplaintEvents.Resolved(getId(), customerId,
                        contactName(), contactPhone(), level.name(), handlerId, now,
                        resolve == null || resolve.getOutcome() == Deadline.Outcome.ON_TIME, contactEmail()));
            }
            default -> {
            }
        }
    }

    /** CO-7: 1–3 or unreachable closes; 4–5 escalates to the next level, or at L3 to the executive meeting. */
    private void close(Integer score, boolean unreachable, String by, String note, DeadlineSchedule schedule, Instant now) {
        if (score == null && !unreachable) {
            throw DomainException.conflict("complaint.rating-required",
                    "A case closes only with the customer's rating (1-5) or customerUnreachable=true (CO-7)");
        }
        if (score != null && unreachable) {
            throw DomainException.badRequest("complaint.rating-ambiguous", "Give a rating or customerUnreachable, not both");
        }
        rating = new Rating(score, unreachable, level, by, now);
        ratings.add(rating);
        if (score != null && SatisfactionRating.dissatisfied(score)) {
            String reason = "rated " + score + " (" + SatisfactionRating.label(score) + ")";
            record("RATED", state, state, by, now, reason + (note == null ? "" : ": " + note));
            escalate(level.next(), "RATING", score, "system", reason + ": escalated automatically (CO-7)", schedule, now);
            return;
        }
        ComplaintState from = state;
        state = ComplaintState.CLOSED;
        closedAt = now;
        executiveMeeting = false;
        record("TRANSITION", from, ComplaintState.CLOSED, by, now,
                (unreachable ? "customer unreachable" : "rated " + score + " (" + SatisfactionRating.label(score) + ")")
                        + (note == null ? "" : ": " + note));
        meetDeadlinesReachedBy(ComplaintState.CLOSED, now);
        raise(ComplaintEvents.CLOSED, new ComplaintEvents.Closed(getId(), customerId, level.name(), score, unreachable,
                handlerId, now));
    }

    /**
     * Raises the case to {@code toLevel} with a new handling record and resolve deadline (CO-4, CO-7, CO-8). At L3 there
     * is no level above: the case goes to the executive meeting and stays open, flagged (CO-7).
     */
    private void escalate(Level toLevel, String reason, Integer score, String by, String note, DeadlineSchedule schedule,
            Instant now) {
        Level from = level;
        boolean toExecutives = from.isTop() && toLevel.isTop();
        level = toLevel;
        handlerTier = level.tier();
        handlerId = null;
        if (toExecutives) {
            executiveMeeting = true;
        }
        ComplaintState previous = state;
        state = ComplaintState.ESCALATED;
        record("ESCALATED", previous, ComplaintState.ESCALATED, by, now,
                from + " → " + level + (toExecutives ? " (executive meeting)" : "") + (note == null ? "" : ": " + note));
        Deadline running = currentResolve();
        if (running != null) {
            running.supersede();
        }
        int days = level.of(schedule.policy().resolveBusinessDays());
        addDeadline(DeadlineKind.RESOLVE, now, schedule.resolveDue(now, days), schedule, days);
        progressContactDueAt = schedule.progressContactDue(lastContactAt == null ? now : lastContactAt, level);
        progressOverdue = false;
        raise(ComplaintEvents.ESCALATED, new ComplaintEvents.Escalated(getId(), from.name(), level.name(), handlerTier.name(),
                departmentId, reason, score, executiveMeeting, by, currentResolve().getDueAt()));
        if (level.isTop() && !from.isTop()) {
            reportToManagement("escalated to L3: " + reason);
        }
        if (toExecutives) {
            reportToManagement("L3 case for the executive meeting: " + reason);
        }
    }

    private void reopen(String by, String note, DeadlineSchedule schedule, Instant now) {
        requireNote(note, "reopening");
        ComplaintState from = state;
        state = ComplaintState.REOPENED;
        closedAt = null;
        record("TRANSITION", from, ComplaintState.REOPENED, by, now, note);
        int days = level.of(schedule.policy().resolveBusinessDays());
        addDeadline(DeadlineKind.RESOLVE, now, schedule.resolveDue(now, days), schedule, days);
        progressContactDueAt = schedule.progressContactDue(now, level);
        progressOverdue = false;
        raise(ComplaintEvents.REOPENED, new ComplaintEvents.Reopened(getId(), level.name(), by, note,
                currentResolve().getDueAt()));
    }

    /**
     * CO-8 "a second complaint on the same matter links to the first and raises the level": the first case is raised
     * to {@code matterLevel} if it is still open and below it; a closed first case is only linked.
     */
    public void secondComplaintOnSameMatter(String secondId, Level matterLevel, String by, DeadlineSchedule schedule,
            Instant now) {
        if (!relatedComplaints.contains(secondId)) {
            relatedComplaints.add(secondId);
        }
        record("LINKED", state, state, by, now, "second complaint on the same matter: " + secondId);
        if (open && matterLevel.ordinal() > level.ordinal()) {
            escalate(matterLevel, "SECOND_COMPLAINT", null, by, "second complaint " + secondId + " (CO-8)", schedule, now);
        }
        refreshSchedule();
    }

    /** Who handles the case (CO-8 "assign responsible"); the tier follows the level. */
    public void assign(String newHandlerId, String by, String note, Instant now) {
        requireOpen();
        String previous = handlerId;
        handlerId = newHandlerId;
        record("ASSIGNED", state, state, by, now,
                (previous == null ? "" : previous + " → ") + newHandlerId + (note == null ? "" : ": " + note));
        Deadline resolve = currentResolve();
        raise(ComplaintEvents.ASSIGNED, new ComplaintEvents.Assigned(getId(), newHandlerId, handlerTier.name(), departmentId,
                level.name(), by, resolve == null ? null : resolve.getDueAt()));
        refreshSchedule();
    }

    /** CO-6: a progress contact with the customer; the next one is due a week (L1) or less (L2/L3) later. */
    public void recordContact(Instant at, String contactChannel, String summary, String by, DeadlineSchedule schedule,
            Instant now) {
        requireOpen();
        contacts.add(new ContactRecord(at, contactChannel, summary, by));
        if (lastContactAt == null || at.isAfter(lastContactAt)) {
            lastContactAt = at;
        }
        progressContactDueAt = schedule.progressContactDue(lastContactAt, level);
        progressOverdue = false;
        record("CONTACTED", state, state, by, now, contactChannel + ": " + summary);
        refreshSchedule();
    }

    /**
     * Waiting on the customer (documents, a site visit). When the policy says so the SLA clock stops meanwhile, and
     * on resuming every running deadline moves later by the business time that passed.
     */
    public void waitOnCustomer(boolean waiting, String by, String note, DeadlineSchedule schedule, Instant now) {
        requireOpen();
        if (waiting == (waitingSince != null)) {
            return;
        }
        if (waiting) {
            waitingSince = now;
            clockPaused = schedule.policy().pauseWhileWaitingOnCustomer();
            record("WAITING_ON_CUSTOMER", state, state, by, now, (clockPaused ? "SLA clock paused" : "SLA clock runs on")
                    + (note == null ? "" : ": " + note));
        } else {
            Duration paused = clockPaused ? schedule.businessTime(waitingSince, now) : Duration.ZERO;
            if (!paused.isZero()) {
                for (Deadline deadline : deadlines) {
                    if (deadline.isRunning() && !deadline.isBreached()) {
                        Instant due = schedule.shift(deadline.getDueAt(), paused);
                        deadline.shift(due, schedule.shift(deadline.getWarnAt(), paused), paused);
                    }
                }
            }
            record("RESUMED", state, state, by, now, "waited " + paused.toMinutes() + " business minutes"
                    + (note == null ? "" : ": " + note));
            waitingSince = null;
            clockPaused = false;
        }
        refreshSchedule();
    }

    /**
     * CO-5: an L3 case may take up to {@code l3MaxBusinessDays} (7) instead of 3 only with a director's approval; the
     * caller checks the approver is a director.
     */
    public void extendResolution(int businessDays, String approvedBy, String note, DeadlineSchedule schedule, Instant now) {
        requireOpen();
        if (!level.isTop()) {
            throw DomainException.conflict("complaint.extension-only-l3", "Only an L3 case may be extended (CO-5); this one is " + level);
        }
        Deadline resolve = currentResolve();
        if (resolve == null) {
            throw DomainException.conflict("complaint.nothing-to-extend", "The case has no running resolve deadline");
        }
        if (resolve.isBreached()) {
            throw DomainException.conflict("complaint.deadline-already-breached",
                    "The resolve deadline was breached at " + resolve.getDueAt() + "; an extension is approved before it");
        }
        int max = schedule.policy().l3MaxBusinessDays();
        int current = resolve.getBusinessDays() == null ? 0 : resolve.getBusinessDays();
        if (businessDays <= current || businessDays > max) {
            throw DomainException.badRequest("complaint.extension-out-of-range",
                    "An L3 case may be extended from " + current + " to at most " + max + " business days (CO-5)")
                    .with("currentBusinessDays", current).with("maxBusinessDays", max);
        }
        Instant due = schedule.shift(schedule.resolveDue(resolve.getStartedAt(), businessDays), resolve.getPaused());
        resolve.extend(due, schedule.warnAt(DeadlineKind.RESOLVE, now, due), businessDays);
        record("EXTENDED", state, state, approvedBy, now, "resolve within " + businessDays + " business days, due " + due
                + (note == null ? "" : ": " + note));
        refreshSchedule();
    }

    /** The answer of customer-service, at intake or later from the verification job. */
    public void recordCustomerCheck(CustomerVerification verification, CustomerSnapshot snapshot, Instant now) {
        CustomerVerification before = customerVerification;
        applyCustomerCheck(verification, snapshot, now);
        if (before != verification) {
            record("CUSTOMER_CHECKED", state, state, "system", now, before + " → " + verification);
        }
    }

    private void applyCustomerCheck(CustomerVerification verification, CustomerSnapshot snapshot, Instant now) {
        customerVerification = verification;
        customerCheckedAt = now;
        if (snapshot != null) {
            customer = snapshot;
            customerCheckNote = snapshot.reason();
        }
        gradeRank = CustomerGrade.rankOf(customer == null ? null : CustomerGrade.parse(customer.grade()));
    }

    // ---------------------------------------------------------------- SLA clock (CO-3, CO-5, CO-6, NO-2)

    /** The SLA checks due at {@code now}: warnings, breaches, an overdue progress contact. */
    public List<SlaCheck> dueChecks(Instant now) {
        List<SlaCheck> due = new ArrayList<>();
        if (!open) {
            return due;
        }
        if (!clockPaused) {
            for (Deadline deadline : deadlines) {
                if (!deadline.isRunning() || deadline.isBreached()) {
                    continue;
                }
                if (!deadline.getDueAt().isAfter(now)) {
                    due.add(check(SlaCheck.Stage.BREACH, deadline));
                } else if (!deadline.isWarned() && !deadline.getWarnAt().isAfter(now)) {
                    due.add(check(SlaCheck.Stage.WARNING, deadline));
                }
            }
        }
        if (!progressOverdue && progressContactDueAt != null && !progressContactDueAt.isAfter(now)) {
            due.add(new SlaCheck(getId() + ":PROGRESS:" + progressContactDueAt.getEpochSecond(),
                    SlaCheck.Stage.PROGRESS_OVERDUE, null, 0));
        }
        return due;
    }

    /** Applies one due check, raising its event; false when it is no longer due (another instance did it). */
    public boolean apply(SlaCheck check, DeadlineSchedule schedule, Instant now) {
        if (!dueChecks(now).contains(check)) {
            return false;
        }
        if (check.stage() == SlaCheck.Stage.PROGRESS_OVERDUE) {
            progressOverdue = true;
            record("PROGRESS_OVERDUE", state, state, "system", now, "no customer contact since "
                    + (lastContactAt == null ? "receipt" : lastContactAt) + " (CO-6)");
            raise(ComplaintEvents.PROGRESS_OVERDUE, new ComplaintEvents.ProgressOverdue(getId(), lastContactAt,
                    progressContactDueAt, handlerId, handlerTier.name(), departmentId, level.name()));
        } else {
            Deadline deadline = deadlines.stream()
                    .filter(d -> d.getKind() == check.kind() && d.getRound() == check.round()).findFirst().orElseThrow();
            if (check.stage() == SlaCheck.Stage.BREACH) {
                deadline.breach(handlerId);
                record("SLA_BREACHED", state, state, "system", now, deadline.getKind() + " due " + deadline.getDueAt()
                        + (handlerId == null ? "" : ", handler " + handlerId));
                raise(ComplaintEvents.SLA_BREACHED, new ComplaintEvents.SlaBreached(getId(), deadline.getKind().name(),
                        deadline.getDueAt(), handlerId, handlerTier.name(), departmentId, level.name()));
            } else {
                deadline.warn();
                raise(ComplaintEvents.SLA_WARNING, new ComplaintEvents.SlaWarning(getId(), deadline.getKind().name(),
                        deadline.getDueAt(), schedule.percentElapsed(deadline.getStartedAt(), deadline.getDueAt(), now),
                        handlerId, handlerTier.name(), departmentId, level.name()));
            }
        }
        refreshSchedule();
        return true;
    }

    private SlaCheck check(SlaCheck.Stage stage, Deadline deadline) {
        return new SlaCheck(getId() + ":" + deadline.getKind() + ":" + deadline.getRound() + ":" + stage, stage,
                deadline.getKind(), deadline.getRound());
    }

    // ---------------------------------------------------------------- helpers

    private void addDeadline(DeadlineKind kind, Instant start, Instant due, DeadlineSchedule schedule, Integer days) {
        deadlines.add(new Deadline(kind, ++deadlineRound, start, due, schedule.warnAt(kind, start, due), days));
    }

    private void meetDeadlinesReachedBy(ComplaintState reached, Instant now) {
        for (Deadline deadline : deadlines) {
            if (deadline.isRunning() && reaches(reached, deadline.getKind())) {
                deadline.meet(now);
            }
        }
    }

    /** A deadline is met by reaching its state or any later one in the workflow. */
    private static boolean reaches(ComplaintState state, DeadlineKind kind) {
        return switch (kind) {
            case ACKNOWLEDGE -> state != ComplaintState.RECEIVED && state != ComplaintState.ESCALATED
                    && state != ComplaintState.REOPENED;
            case ACCEPT -> switch (state) {
                case ACCEPTED, INVESTIGATING, SOLUTION_PROPOSED, REPLIED, REVISIT, CLOSED -> true;
                default -> false;
            };
            case RESOLVE -> state == ComplaintState.REPLIED || state == ComplaintState.REVISIT || state == ComplaintState.CLOSED;
        };
    }

    private void reportToManagement(String reason) {
        raise(ComplaintEvents.MAJOR_REPORTED, new ComplaintEvents.MajorReported(getId(), level.name(), customerId,
                customer == null ? (contact == null ? null : contact.name()) : customer.name(), category.name(),
                channel.name(), departmentId, content.length() > 200 ? content.substring(0, 200) + "…" : content, reason));
    }

    private void refreshSchedule() {
        open = state.isOpen();
        Instant earliestDue = null;
        Instant slaCheck = null;
        for (Deadline deadline : deadlines) {
            if (!deadline.isRunning()) {
                continue;
            }
            earliestDue = min(earliestDue, deadline.getDueAt());
            if (!deadline.isBreached()) {
                slaCheck = min(slaCheck, deadline.isWarned() ? deadline.getDueAt() : deadline.getWarnAt());
            }
        }
        queueDueAt = open && earliestDue != null ? earliestDue : NO_DEADLINE;
        Instant next = open && !clockPaused ? slaCheck : null;
        if (open && !progressOverdue) {
            next = min(next, progressContactDueAt);
        }
        nextCheckAt = next;
    }

    private static Instant min(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    private void requireAllowed(ComplaintState to) {
        if (!Lifecycle.allows(state, to)) {
            throw DomainException.conflict("complaint.illegal-transition", "A case in " + state + " cannot move to " + to)
                    .with("state", state).with("allowed", Lifecycle.next(state));
        }
    }

    private void requireOpen() {
        if (!open) {
            throw DomainException.conflict("complaint.closed", "The case is closed; reopen it first");
        }
    }

    private static void requireNote(String note, String what) {
        if (note == null || note.isBlank()) {
            throw DomainException.badRequest("complaint.note-required", "A note saying why is required for " + what);
        }
    }

    private void record(String action, ComplaintState from, ComplaintState to, String by, Instant at, String note) {
        history.add(new HistoryEntry(action, from, to, by, at, note));
    }

    private static List<String> copy(List<String> values) {
        return values == null ? new ArrayList<>() : new ArrayList<>(values.stream().filter(Objects::nonNull).toList());
    }

    public Deadline deadline(DeadlineKind kind) {
        return deadlines.stream().filter(d -> d.getKind() == kind)
                .max(Comparator.comparingInt(Deadline::getRound)).orElse(null);
    }

    /** The running resolve deadline, if any. */
    public Deadline currentResolve() {
        return deadlines.stream().filter(d -> d.getKind() == DeadlineKind.RESOLVE && d.isRunning())
                .max(Comparator.comparingInt(Deadline::getRound)).orElse(null);
    }

    // ---------------------------------------------------------------- read access

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public Channel getChannel() {
        return channel;
    }

    public Category getCategory() {
        return category;
    }

    public String getContent() {
        return content;
    }

    public List<String> getProducts() {
        return List.copyOf(products);
    }

    public List<String> getStores() {
        return List.copyOf(stores);
    }

    public List<String> getStaff() {
        return List.copyOf(staff);
    }

    public List<String> getAttachments() {
        return List.copyOf(attachments);
    }

    public String getCustomerId() {
        return customerId;
    }

    public Contact getContact() {
        return contact;
    }

    public CustomerSnapshot getCustomer() {
        return customer;
    }

    public CustomerVerification getCustomerVerification() {
        return customerVerification;
    }

    public Instant getCustomerCheckedAt() {
        return customerCheckedAt;
    }

    public String getCustomerCheckNote() {
        return customerCheckNote;
    }

    public int getGradeRank() {
        return gradeRank;
    }

    public String getFiledBy() {
        return filedBy;
    }

    public boolean isFiledByPartner() {
        return filedByPartner;
    }

    public String getDepartmentId() {
        return departmentId;
    }

    public Level getLevel() {
        return level;
    }

    public HandlerTier getHandlerTier() {
        return handlerTier;
    }

    public String getHandlerId() {
        return handlerId;
    }

    public ComplaintState getState() {
        return state;
    }

    public boolean isOpen() {
        return open;
    }

    public boolean isExecutiveMeeting() {
        return executiveMeeting;
    }

    public String getRelatedTo() {
        return relatedTo;
    }

    public List<String> getRelatedComplaints() {
        return List.copyOf(relatedComplaints);
    }

    public String getCause() {
        return cause;
    }

    public String getSolution() {
        return solution;
    }

    public List<Deadline> getDeadlines() {
        return List.copyOf(deadlines);
    }

    public Instant getQueueDueAt() {
        return queueDueAt;
    }

    public Instant getNextCheckAt() {
        return nextCheckAt;
    }

    public Instant getWaitingSince() {
        return waitingSince;
    }

    public boolean isClockPaused() {
        return clockPaused;
    }

    public List<ContactRecord> getContacts() {
        return List.copyOf(contacts);
    }

    public Instant getLastContactAt() {
        return lastContactAt;
    }

    public Instant getProgressContactDueAt() {
        return progressContactDueAt;
    }

    public boolean isProgressOverdue() {
        return progressOverdue;
    }

    public Rating getRating() {
        return rating;
    }

    public List<Rating> getRatings() {
        return List.copyOf(ratings);
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public List<HistoryEntry> getHistory() {
        return List.copyOf(history);
    }

    private void raiseAcknowledged(String by, Instant now) {
        raise(ComplaintEvents.ACKNOWLEDGED, new ComplaintEvents.Acknowledged(getId(), customerId, by, now,
                deadline(DeadlineKind.ACKNOWLEDGE).getOutcome() == Deadline.Outcome.ON_TIME, contactName(),
                contactPhone(), contactEmail()));
    }

    private String contactName() {
        return contact == null ? null : contact.name();
    }

    private String contactPhone() {
        return contact == null ? null : contact.phone();
    }

    private String contactEmail() {
        return contact == null ? null : contact.email();
    }
}
