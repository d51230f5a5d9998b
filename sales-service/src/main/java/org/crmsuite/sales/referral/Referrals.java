package org.crmsuite.sales.referral;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.crmsuite.platform.events.AggregateStore;
import org.crmsuite.platform.web.DomainException;
import org.crmsuite.sales.office.Offices;
import org.crmsuite.sales.office.SalesOffice;
import org.crmsuite.sales.registration.Registration;
import org.crmsuite.sales.registration.Visitors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** SA-6 referrals: registered before the first visit, confirmed on arrival that day, lapsed otherwise. */
@Service
public class Referrals {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final Offices offices;
    private final Clock clock;

    Referrals(MongoTemplate mongo, AggregateStore store, Offices offices, Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.offices = offices;
        this.clock = clock;
    }

    public Referral register(SalesOffice office, String referrerId, String visitorName, String rawPhone, LocalDate appointment) {
        String phone = Visitors.phone(rawPhone);
        if (appointment.isBefore(offices.today())) {
            throw DomainException.badRequest("referral.appointment-in-past", "The appointment date is in the past")
                    .with("field", "appointmentDate");
        }
        if (mongo.exists(Query.query(Criteria.where("officeId").is(office.id()).and("phone").is(phone).and("kind")
                .is(Registration.Kind.VISIT)), Registration.class)) {
            throw DomainException.conflict("referral.already-visited", "This customer has visited the office already: "
                    + "a referral must be registered before the first visit (SA-6)");
        }
        if (mongo.exists(Query.query(Criteria.where("officeId").is(office.id()).and("phone").is(phone).and("state")
                .in(Referral.State.PENDING, Referral.State.CONFIRMED)), Referral.class)) {
            throw DomainException.conflict("referral.exists", "This customer is referred already");
        }
        return store.save(Referral.register(office.id(), office.departmentId(), referrerId, visitorName, phone, appointment));
    }

    public Referral get(String id) {
        Referral r = mongo.findById(id, Referral.class);
        if (r == null) {
            throw DomainException.notFound("referral", id);
        }
        return r;
    }

    /** SA-6 on arrival: the pending referral of this visitor is confirmed (appointment day) or found lapsed. */
    public Optional<Referral> arrival(String officeId, String rawPhone, String receptionId, String receivingRepId) {
        String phone = Visitors.phone(rawPhone);
        if (phone == null) {
            return Optional.empty();
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            Referral pending = mongo.findOne(Query.query(Criteria.where("officeId").is(officeId).and("phone").is(phone)
                    .and("state").is(Referral.State.PENDING)), Referral.class);
            if (pending == null) {
                return Optional.empty();
            }
            boolean confirmed = pending.arrive(offices.today(), receptionId, receivingRepId, clock.instant());
            try {
                store.save(pending);
                return confirmed ? Optional.of(pending) : Optional.empty();
            } catch (OptimisticLockingFailureException lapsedMeanwhile) {
                // the lapse job or another reception changed it: read again
            }
        }
        return Optional.empty();
    }

    /** SA-7: the confirmed referral of this visitor, if any. */
    public Optional<Referral> confirmedFor(String officeId, String phone) {
        if (phone == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("officeId").is(officeId).and("phone").is(phone)
                .and("state").is(Referral.State.CONFIRMED)), Referral.class));
    }

    /** SA-6: every pending referral whose appointment day has passed lapses (once: conditional write per referral). */
    public int lapseOverdue() {
        LocalDate today = offices.today();
        List<Referral> overdue = mongo.find(Query.query(Criteria.where("state").is(Referral.State.PENDING)
                .and("appointmentDate").lt(today.toString())).limit(500), Referral.class);
        int lapsed = 0;
        for (Referral r : overdue) {
            r.lapse(clock.instant());
            try {
                store.save(r);
                lapsed++;
            } catch (OptimisticLockingFailureException changedMeanwhile) {
                // arrived or lapsed by another instance in the meantime
            }
        }
        return lapsed;
    }

    List<Referral> ofOffice(String officeId, String referrerId) {
        Criteria c = Criteria.where("officeId").is(officeId);
        if (referrerId != null) {
            c = c.and("referrerId").is(referrerId);
        }
        return mongo.find(Query.query(c).with(Sort.by(Sort.Direction.DESC, "appointmentDate")).limit(200), Referral.class);
    }
}
