package org.crmsuite.visit.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.crmsuite.platform.events.AggregateRoot;
import org.crmsuite.platform.web.DomainException;
import org.crmsuite.visit.events.VisitEvents;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A visit plan (VI-2): purpose, time, place, participants and itinerary, the deadline it must be visited by, and the
 * contact to tell. Rescheduling keeps the reason; a visit record completes it (VI-3); the VI-7 pass marks it due soon
 * and overdue, once each, in the same write as the event.
 */
@Document("visit_plans")
@CompoundIndexes({
        @CompoundIndex(name = "customer_status", def = "{'customerId': 1, 'status': 1, 'dueBy': 1}"),
        @CompoundIndex(name = "open_due", def = "{'status': 1, 'dueBy': 1}"),
        @CompoundIndex(name = "owner_status", def = "{'ownerId': 1, 'status': 1, 'dueBy': 1}"),
        @CompoundIndex(name = "department_status", def = "{'departmentId': 1, 'status': 1, 'dueBy': 1}") })
public class VisitPlan extends AggregateRoot {

    private String customerId;
    private String customerName;
    private String departmentId;
    private String ownerId;
    /** CU-9: 1 VIP, 2 preferred, 3 qualified; visit schedules are ordered by it. */
    private int priority;
    private PlanKind kind;
    private Track track;
    private Integer cadenceMonths;
    private int generation;
    /** CADENCE plans: the nominal date the cadence gave (the plan is due on the working day on or before it). */
    private LocalDate cadenceDate;
    private String purpose;
    private Instant plannedAt;
    private Instant dueBy;
    private String place;
    private List<String> participants = new ArrayList<>();
    private List<Stop> itinerary = new ArrayList<>();
    private Contact contact;
    private PlanStatus status;
    private String complaintId;
    private String recordId;
    private Instant completedAt;
    private String cancelReason;
    private String cancelNote;
    private List<Reschedule> reschedules = new ArrayList<>();
    private Instant dueNotifiedAt;
    private Instant overdueNotifiedAt;
    private String createdBy;
    @org.springframework.data.mongodb.core.index.Indexed(unique = true, sparse = true)
    private String idempotencyKey;

    /** One stop of the itinerary: when, where, what. */
    public record Stop(Instant at, String place, String activity) {
    }

    /** The customer contact to tell of the visit (NO-1), when the plan names one. */
    public record Contact(String name, String phone, String email) {
    }

    public record Reschedule(Instant from, Instant to, String reason, String by, Instant at) {
    }

    /** What a new plan is: the customer part comes from the local customer view. */
    public record Draft(String customerId, String customerName, String departmentId, String ownerId, int priority,
            PlanKind kind, Track track, Integer cadenceMonths, int generation, LocalDate cadenceDate, String purpose, Instant plannedAt,
            Instant dueBy, String place, List<String> participants, List<Stop> itinerary, Contact contact,
            String complaintId, String createdBy) {
    }

    /** A manual plan remembers the caller's {@code Idempotency-Key}: a repeated POST returns it instead of a second plan. */
    public void rememberIdempotencyKey(String key) {
        this.idempotencyKey = key;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public static VisitPlan schedule(String id, Draft draft) {
        VisitPlan plan = new VisitPlan();
        plan.setId(id);
        plan.customerId = draft.customerId();
        plan.customerName = draft.customerName();
        plan.departmentId = draft.departmentId();
        plan.ownerId = draft.ownerId();
        plan.priority = draft.priority();
        plan.kind = draft.kind();
        plan.track = draft.track();
        plan.cadenceMonths = draft.cadenceMonths();
        plan.generation = draft.generation();
        plan.cadenceDate = draft.cadenceDate();
        plan.purpose = draft.purpose();
        plan.plannedAt = draft.plannedAt();
        plan.dueBy = draft.dueBy();
        plan.place = draft.place();
        plan.participants = draft.participants() == null ? new ArrayList<>() : new ArrayList<>(draft.participants());
        plan.itinerary = draft.itinerary() == null ? new ArrayList<>() : new ArrayList<>(draft.itinerary());
        plan.contact = draft.contact();
        plan.complaintId = draft.complaintId();
        plan.createdBy = draft.createdBy();
        plan.status = PlanStatus.PLANNED;
        plan.raise(VisitEvents.PLAN_SCHEDULED, new VisitEvents.PlanScheduled(plan.ensureId(), plan.customerId,
                plan.customerName, plan.ownerId, plan.departmentId, plan.kind.name(), plan.purpose, plan.plannedAt,
                plan.place, plan.dueBy, plan.contactName(), plan.contactPhone(), plan.contactEmail(),
                plan.track == null ? null : plan.track.name(), plan.cadenceMonths, plan.complaintId, plan.priority,
                plan.createdBy));
        return plan;
    }

    public boolean isOpen() {
        return status == PlanStatus.PLANNED;
    }

    private void requireOpen(String action) {
        if (!isOpen()) {
            throw DomainException.conflict("plan.closed", "Plan " + getId() + " is " + status + "; it cannot be " + action)
                    .with("planStatus", status.name());
        }
    }

    /** VI-2: a new time with the reason; the deadline stays (a visit put off past it is overdue, VI-7). */
    public void reschedule(Instant to, String place, String reason, String by, Instant now) {
        requireOpen("rescheduled");
        Instant from = plannedAt;
        reschedules.add(new Reschedule(from, to, reason, by, now));
        plannedAt = to;
        if (place != null && !place.isBlank()) {
            this.place = place;
        }
        raise(VisitEvents.PLAN_RESCHEDULED, new VisitEvents.PlanRescheduled(getId(), customerId, customerName, ownerId,
                departmentId, kind.name(), purpose, plannedAt, this.place, dueBy, contactName(), contactPhone(),
                contactEmail(), track == null ? null : track.name(), cadenceMonths, complaintId, priority, from, reason, by));
    }

    /** VI-2: purpose, place, participants, itinerary and contact, changed while the plan is open. */
    public void describe(String purpose, String place, List<String> participants, List<Stop> itinerary, Contact contact) {
        requireOpen("changed");
        if (purpose != null) {
            this.purpose = purpose;
        }
        if (place != null) {
            this.place = place;
        }
        if (participants != null) {
            this.participants = new ArrayList<>(participants);
        }
        if (itinerary != null) {
            this.itinerary = new ArrayList<>(itinerary);
        }
        if (contact != null) {
            this.contact = contact;
        }
    }

    /** VI-3: the record that fulfils the plan. A second record for a completed plan is refused (409). */
    public void complete(String recordId, Instant visitedAt) {
        if (status == PlanStatus.COMPLETED && recordId.equals(this.recordId)) {
            return;
        }
        requireOpen("completed");
        this.status = PlanStatus.COMPLETED;
        this.recordId = recordId;
        this.completedAt = visitedAt;
        raise(VisitEvents.PLAN_COMPLETED, new VisitEvents.PlanCompleted(getId(), recordId, customerId, ownerId,
                departmentId, kind.name(), visitedAt, dueBy, !visitedAt.isAfter(dueBy)));
    }

    public void cancel(String reason, String note, String by) {
        if (!isOpen()) {
            return;
        }
        this.status = PlanStatus.CANCELLED;
        this.cancelReason = reason;
        this.cancelNote = note;
        raise(VisitEvents.PLAN_CANCELLED, new VisitEvents.PlanCancelled(getId(), customerId, ownerId, departmentId,
                kind.name(), plannedAt, reason, note, by));
    }

    /** An open plan handed to the customer's new owner (CU-10). */
    public void handOver(String newOwnerId, String newDepartmentId) {
        if (isOpen()) {
            this.ownerId = newOwnerId;
            if (newDepartmentId != null) {
                this.departmentId = newDepartmentId;
            }
        }
    }

    /** VI-7: due soon, told once. Returns whether it was told now. */
    public boolean markDue(Instant now) {
        if (!isOpen() || dueNotifiedAt != null || overdueNotifiedAt != null) {
            return false;
        }
        dueNotifiedAt = now;
        raise(VisitEvents.PLAN_DUE, new VisitEvents.PlanDue(getId(), customerId, customerName, ownerId, departmentId,
                dueBy, kind.name(), priority));
        return true;
    }

    /** VI-7: overdue, told once (the owner and the department's manager). Returns whether it was told now. */
    public boolean markOverdue(Instant now, long daysOverdue) {
        if (!isOpen() || overdueNotifiedAt != null) {
            return false;
        }
        overdueNotifiedAt = now;
        raise(VisitEvents.PLAN_OVERDUE, new VisitEvents.PlanOverdue(getId(), customerId, customerName, ownerId,
                departmentId, dueBy, daysOverdue, kind.name(), priority));
        return true;
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

    public String getCustomerId() {
        return customerId;
    }

    public String getCustomerName() {
        return customerName;
    }

    public String getDepartmentId() {
        return departmentId;
    }

    public String getOwnerId() {
        return ownerId;
    }

    public int getPriority() {
        return priority;
    }

    public PlanKind getKind() {
        return kind;
    }

    public Track getTrack() {
        return track;
    }

    public Integer getCadenceMonths() {
        return cadenceMonths;
    }

    public int getGeneration() {
        return generation;
    }

    public LocalDate getCadenceDate() {
        return cadenceDate;
    }

    public String getPurpose() {
        return purpose;
    }

    public Instant getPlannedAt() {
        return plannedAt;
    }

    public Instant getDueBy() {
        return dueBy;
    }

    public String getPlace() {
        return place;
    }

    public List<String> getParticipants() {
        return participants;
    }

    public List<Stop> getItinerary() {
        return itinerary;
    }

    public Contact getContact() {
        return contact;
    }

    public PlanStatus getStatus() {
        return status;
    }

    public String getComplaintId() {
        return complaintId;
    }

    public String getRecordId() {
        return recordId;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public String getCancelNote() {
        return cancelNote;
    }

    public List<Reschedule> getReschedules() {
        return reschedules;
    }

    public Instant getDueNotifiedAt() {
        return dueNotifiedAt;
    }

    public Instant getOverdueNotifiedAt() {
        return overdueNotifiedAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
