package org.crmsuite.sales.registration;

import java.time.Instant;
import java.time.LocalDate;

import org.crmsuite.platform.events.AggregateRoot;
import org.crmsuite.platform.web.DomainException;
import org.crmsuite.sales.events.SalesEvents;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One entry of the visitor or call register (SA-4). Append-only once the manager confirmed the day: a confirmed
 * entry is never edited or deleted; a correction is a new entry naming the one it corrects ({@code correctionOf}), and a
 * change of owner is a new entry naming the one it overrides ({@code overrides}: a manager's reassignment, an approved
 * switch, a refusal, a departure).
 */
@Document("registrations")
@CompoundIndexes({
        @CompoundIndex(name = "office_phone", def = "{'officeId': 1, 'phone': 1}"),
        @CompoundIndex(name = "office_name", def = "{'officeId': 1, 'nameKey': 1}"),
        @CompoundIndex(name = "office_date", def = "{'officeId': 1, 'date': 1}"),
        @CompoundIndex(name = "rep_valid", def = "{'repId': 1, 'validUntil': 1}") })
public class Registration extends AggregateRoot {

    public enum Kind { VISIT, CALL }

    /** Why the entry exists. */
    public enum Origin {
        /** A walk-in received at the desk. */
        RECEPTION,
        /** A phone inquiry: logged, never ownership. */
        CALL,
        /** A correction of a (confirmed) entry. */
        CORRECTION,
        /** SA-7: the manager reassigned the customer after a complaint against the rep: all to the new rep. */
        COMPLAINT_REASSIGNMENT,
        /** SA-5/SA-7: a switch to the designated rep mid-reception, approved by the manager: 70/30. */
        SWITCH,
        /** SA-7: the customer refused the rep owning them in the validity window: 80/20. */
        REFUSAL,
        /** SA-8: the owner left; the customer went to a remaining rep. */
        DEPARTURE
    }

    String officeId;
    String projectId;
    String departmentId;
    Kind kind;
    Origin origin;
    String visitorName;
    String nameKey;
    String phone;
    String spousePhone;
    /** The rep the entry credits (the owner for a visit). */
    String repId;
    /** The rep who actually received (differs for an SA-3 courtesy reception). */
    String receivedBy;
    String receptionId;
    /** When ownership runs from (a correction keeps the original's). */
    Instant registeredAt;
    Instant validUntil;
    /** The office day the entry was written, for the daily confirmation. */
    String date;
    String note;
    String correctionOf;
    String overrides;
    String fromRepId;
    boolean confirmed;
    String confirmedBy;
    Instant confirmedAt;
    String confirmationId;
    String createdBy;

    Registration() {
    }

    record Entry(String officeId, String projectId, String departmentId, Kind kind, Origin origin, String visitorName,
            String phone, String spousePhone, String repId, String receivedBy, String receptionId, Instant registeredAt,
            Instant validUntil, LocalDate date, String note, String createdBy) {
    }

    static Registration of(Entry e) {
        Registration r = new Registration();
        r.officeId = e.officeId();
        r.projectId = e.projectId();
        r.departmentId = e.departmentId();
        r.kind = e.kind();
        r.origin = e.origin();
        r.visitorName = e.visitorName();
        r.nameKey = Visitors.nameKey(e.visitorName());
        r.phone = Visitors.phone(e.phone());
        r.spousePhone = Visitors.phone(e.spousePhone());
        r.repId = e.repId();
        r.receivedBy = e.receivedBy();
        r.receptionId = e.receptionId();
        r.registeredAt = e.registeredAt();
        r.validUntil = e.kind() == Kind.VISIT ? e.validUntil() : null;
        r.date = e.date().toString();
        r.note = e.note();
        r.createdBy = e.createdBy();
        return r;
    }

    /** SA-4: editable until the manager confirms the day. */
    void edit(String visitorName, String phone, String spousePhone, String note) {
        requireUnconfirmed();
        this.visitorName = visitorName;
        this.nameKey = Visitors.nameKey(visitorName);
        this.phone = Visitors.phone(phone);
        this.spousePhone = Visitors.phone(spousePhone);
        this.note = note;
    }

    void requireUnconfirmed() {
        if (confirmed) {
            throw DomainException.conflict("registration.confirmed", "Registration " + getId() + " was confirmed by "
                    + confirmedBy + " and cannot be edited or deleted; file a correction (a new, linked entry)")
                    .with("registrationId", getId());
        }
    }

    /** A new entry correcting this one; it keeps this one's owner and ownership time. */
    Registration correction(String visitorName, String phone, String spousePhone, String note, LocalDate today, String by) {
        Registration c = of(new Entry(officeId, projectId, departmentId, kind, Origin.CORRECTION, visitorName, phone,
                spousePhone, repId, receivedBy, receptionId, registeredAt, validUntil, today, note, by));
        c.correctionOf = getId();
        return c;
    }

    /** A new entry moving this customer to {@code toRep} from {@code at}, with a fresh validity window. */
    Registration overriddenBy(String toRep, Origin origin, Instant at, Instant validUntil, LocalDate today, String note,
            String by) {
        Registration o = of(new Entry(officeId, projectId, departmentId, Kind.VISIT, origin, visitorName, phone,
                spousePhone, toRep, toRep, receptionId, at, validUntil, today, note, by));
        o.overrides = getId();
        o.fromRepId = repId;
        return o;
    }

    /** SA-8 / SA-7: the new owner is told and owes a return visit (VI-6). */
    void announceReassignment(Instant returnVisitDueBy) {
        raise(SalesEvents.CUSTOMER_REASSIGNED, new SalesEvents.CustomerReassigned(ensureId(), officeId, departmentId,
                visitorName, phone, fromRepId, repId, origin.name(), returnVisitDueBy));
    }

    public boolean validAt(Instant at) {
        return kind == Kind.VISIT && !registeredAt.isAfter(at) && validUntil != null && at.isBefore(validUntil);
    }

    public String officeId() { return officeId; }
    public String projectId() { return projectId; }
    public String departmentId() { return departmentId; }
    public Kind kind() { return kind; }
    public Origin origin() { return origin; }
    public String visitorName() { return visitorName; }
    public String phone() { return phone; }
    public String spousePhone() { return spousePhone; }
    public String repId() { return repId; }
    public String receivedBy() { return receivedBy; }
    public String receptionId() { return receptionId; }
    public Instant registeredAt() { return registeredAt; }
    public Instant validUntil() { return validUntil; }
    public String date() { return date; }
    public String note() { return note; }
    public String correctionOf() { return correctionOf; }
    public String overrides() { return overrides; }
    public String fromRepId() { return fromRepId; }
    public boolean confirmed() { return confirmed; }
    public String confirmedBy() { return confirmedBy; }
    public Instant confirmedAt() { return confirmedAt; }
    public String createdBy() { return createdBy; }
}
