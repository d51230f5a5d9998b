package org.crmsuite.sales.referral;

import java.time.Instant;
import java.time.LocalDate;

import org.crmsuite.platform.events.AggregateRoot;
import org.crmsuite.sales.events.SalesEvents;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * SA-6: an employee referral, registered before the customer's first visit with an appointment date. It lapses when
 * the customer does not come that day; it is confirmed when they arrive that day, and then the commission splits
 * 30 % referrer / 70 % receiving rep (policy).
 */
@Document("referrals")
@CompoundIndexes({ @CompoundIndex(name = "office_phone", def = "{'officeId': 1, 'phone': 1}"),
        @CompoundIndex(name = "state_appointment", def = "{'state': 1, 'appointmentDate': 1}") })
public class Referral extends AggregateRoot {

    public enum State { PENDING, CONFIRMED, LAPSED }

    String officeId;
    String departmentId;
    String referrerId;
    String visitorName;
    String phone;
    String appointmentDate;
    State state = State.PENDING;
    String receptionId;
    String receivingRepId;
    Instant confirmedAt;
    Instant lapsedAt;

    Referral() {
    }

    static Referral register(String officeId, String departmentId, String referrerId, String visitorName, String phone,
            LocalDate appointmentDate) {
        Referral r = new Referral();
        r.officeId = officeId;
        r.departmentId = departmentId;
        r.referrerId = referrerId;
        r.visitorName = visitorName;
        r.phone = phone;
        r.appointmentDate = appointmentDate.toString();
        return r;
    }

    boolean pending() {
        return state == State.PENDING;
    }

    /** Arrival on the appointment day confirms it; arrival on any other day finds it lapsed. */
    boolean arrive(LocalDate today, String receptionId, String receivingRepId, Instant at) {
        if (!pending()) {
            return false;
        }
        if (!LocalDate.parse(appointmentDate).equals(today)) {
            lapse(at);
            return false;
        }
        state = State.CONFIRMED;
        this.receptionId = receptionId;
        this.receivingRepId = receivingRepId;
        this.confirmedAt = at;
        return true;
    }

    void lapse(Instant at) {
        state = State.LAPSED;
        lapsedAt = at;
        raise(SalesEvents.REFERRAL_LAPSED, new SalesEvents.ReferralLapsed(getId(), officeId, referrerId, visitorName,
                LocalDate.parse(appointmentDate)));
    }

    public String officeId() { return officeId; }
    public String departmentId() { return departmentId; }
    public String referrerId() { return referrerId; }
    public String visitorName() { return visitorName; }
    public String phone() { return phone; }
    public String appointmentDate() { return appointmentDate; }
    public State state() { return state; }
    public String receptionId() { return receptionId; }
    public String receivingRepId() { return receivingRepId; }
    public Instant confirmedAt() { return confirmedAt; }
    public Instant lapsedAt() { return lapsedAt; }
}
