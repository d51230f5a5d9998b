package org.crmsuite.sales.registration;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.types.ObjectId;
import org.crmsuite.platform.calendar.BusinessCalendar;
import org.crmsuite.platform.calendar.DayEnd;
import org.crmsuite.platform.calendar.ShippedCalendars;
import org.crmsuite.platform.events.AggregateStore;
import org.crmsuite.platform.web.DomainException;
import org.crmsuite.sales.SalesSettings;
import org.crmsuite.sales.office.Offices;
import org.crmsuite.sales.office.SalesOffice;
import org.crmsuite.sales.policy.Policies;
import org.crmsuite.sales.policy.SalesPolicy;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** The visitor and call register (SA-4) and the changes of owner recorded in it (SA-5, SA-7, SA-8). */
@Service
public class Registrations {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final Offices offices;
    private final Policies policies;
    private final Clock clock;
    private final BusinessCalendar calendar;

    Registrations(MongoTemplate mongo, AggregateStore store, Offices offices, Policies policies, Clock clock,
            SalesSettings settings) {
        this.mongo = mongo;
        this.store = store;
        this.offices = offices;
        this.policies = policies;
        this.clock = clock;
        this.calendar = ShippedCalendars.load(settings.calendarId());
    }

    public Registration get(String id) {
        Registration r = mongo.findById(id, Registration.class);
        if (r == null) {
            throw DomainException.notFound("registration", id);
        }
        return r;
    }

    /** SA-3: the register's answer for a visitor at the office: by phone when known, else by name. */
    public OwnershipWindow.Finding lookup(String officeId, String phone, String name, Instant now) {
        List<Registration> entries = entriesOf(officeId, phone, name);
        return OwnershipWindow.find(entries, supersededAmong(entries), now);
    }

    /** Every entry of one visitor at the office (history for SA-7), oldest first. */
    public List<Registration> entriesOf(String officeId, String phone, String name) {
        String key = Visitors.phone(phone);
        Criteria who = key != null ? Criteria.where("phone").is(key) : Criteria.where("nameKey").is(Visitors.nameKey(name));
        return mongo.find(Query.query(Criteria.where("officeId").is(officeId).andOperator(who))
                .with(Sort.by("registeredAt", "_id")), Registration.class);
    }

    /** The entries that a later entry corrected or overrode. */
    public Set<String> supersededAmong(List<Registration> entries) {
        List<String> ids = entries.stream().map(Registration::getId).toList();
        Set<String> superseded = new HashSet<>();
        if (ids.isEmpty()) {
            return superseded;
        }
        Query later = Query.query(new Criteria().orOperator(Criteria.where("correctionOf").in(ids),
                Criteria.where("overrides").in(ids)));
        later.fields().include("correctionOf", "overrides");
        for (Registration r : mongo.find(later, Registration.class)) {
            if (r.correctionOf != null) {
                superseded.add(r.correctionOf);
            }
            if (r.overrides != null) {
                superseded.add(r.overrides);
            }
        }
        return superseded;
    }

    /** SA-4: every reception is registered; a visit starts (or renews) the credited rep's validity window. */
    public Registration registerVisit(SalesOffice office, String visitorName, String phone, String spousePhone,
            String creditedRep, String receivedBy, String receptionId, String overrides, Registration.Origin origin,
            String note, String by) {
        Instant now = clock.instant();
        Registration r = Registration.of(new Registration.Entry(office.id(), office.projectId(), office.departmentId(),
                Registration.Kind.VISIT, origin, visitorName, phone, spousePhone, creditedRep, receivedBy, receptionId,
                now, validUntil(office.id(), now), offices.today(), note, by));
        if (overrides != null) {
            Registration overridden = get(overrides);
            r.overrides = overrides;
            r.fromRepId = overridden.repId;
        }
        return store.save(r);
    }

    /** SA-4: a phone inquiry is logged and never establishes ownership. */
    public Registration registerCall(SalesOffice office, String callerName, String phone, String repId, String note, String by) {
        Instant now = clock.instant();
        return store.save(Registration.of(new Registration.Entry(office.id(), office.projectId(), office.departmentId(),
                Registration.Kind.CALL, Registration.Origin.CALL, callerName, phone, null, repId, repId, null, now, null,
                offices.today(), note, by)));
    }

    Registration edit(Registration r, String visitorName, String phone, String spousePhone, String note) {
        r.edit(visitorName, phone, spousePhone, note);
        return store.save(r);
    }

    void remove(Registration r) {
        r.requireUnconfirmed();
        if (mongo.remove(Query.query(Criteria.where("_id").is(r.getId()).and("version").is(r.getVersion())
                .and("confirmed").is(false)), Registration.class).getDeletedCount() == 0) {
            throw DomainException.conflict("registration.confirmed", "Registration " + r.getId()
                    + " was confirmed or changed meanwhile");
        }
    }

    Registration correct(Registration original, String visitorName, String phone, String spousePhone, String note,
            String by) {
        return store.save(original.correction(visitorName, phone, spousePhone, note, offices.today(), by));
    }

    /**
     * Moves a customer to {@code toRep} (SA-7 complaint reassignment, SA-5 approved switch, SA-8 departure): a new
     * entry overriding the owning one, with a fresh validity window; the new owner is told and owes a return visit
     * within the policy's business days (SA-8, VI-6).
     */
    public Registration reassign(Registration owning, String toRep, Registration.Origin origin, String note, String by) {
        Instant now = clock.instant();
        Registration moved = owning.overriddenBy(toRep, origin, now, validUntil(owning.officeId, now), offices.today(),
                note, by);
        if (origin != Registration.Origin.SWITCH) {
            moved.announceReassignment(returnVisitDueBy(now));
        }
        return store.save(moved);
    }

    Instant returnVisitDueBy(Instant from) {
        return calendar.addBusinessDays(from, policies.current().returnVisitBusinessDays(), DayEnd.END_OF_DAY);
    }

    /**
     * SA-4: the manager confirms a day's entries; from then on they are immutable. Marks the day's unconfirmed entries
     * with a new confirmation id in one multi-document update (version bumped, so an edit that read before fails its
     * conditional write), then stores the confirmation with its event. A confirmation whose record was never stored (a
     * crash between the two writes) is stored by the next confirmation of that day, so its event is not lost.
     */
    Confirmation confirm(SalesOffice office, LocalDate date, String by) {
        Criteria day = Criteria.where("officeId").is(office.id()).and("date").is(date.toString());
        for (Object orphan : mongo.findDistinct(Query.query(Criteria.where("officeId").is(office.id()).and("date")
                .is(date.toString()).and("confirmationId").ne(null)), "confirmationId", Registration.class, Object.class)) {
            String id = String.valueOf(orphan);
            if (mongo.findById(id, Confirmation.class) == null) {
                Registration sample = mongo.findOne(Query.query(Criteria.where("confirmationId").is(id)), Registration.class);
                long count = mongo.count(Query.query(Criteria.where("confirmationId").is(id)), Registration.class);
                store.save(Confirmation.of(id, office.id(), date, (int) count, sample.confirmedBy, sample.confirmedAt));
            }
        }
        String confirmationId = new ObjectId().toHexString();
        Instant now = clock.instant();
        long count = mongo.updateMulti(Query.query(day).addCriteria(Criteria.where("confirmed").is(false)),
                new Update().set("confirmed", true).set("confirmedBy", by).set("confirmedAt", now)
                        .set("confirmationId", confirmationId).inc("version", 1), Registration.class).getModifiedCount();
        return store.save(Confirmation.of(confirmationId, office.id(), date, (int) count, by, now));
    }

    List<Registration> list(String officeId, LocalDate date, String repId) {
        Criteria c = Criteria.where("officeId").is(officeId);
        if (date != null) {
            c = c.and("date").is(date.toString());
        }
        if (repId != null) {
            c = c.orOperator(Criteria.where("repId").is(repId), Criteria.where("receivedBy").is(repId));
        }
        return mongo.find(Query.query(c).with(Sort.by("registeredAt", "_id")).limit(200), Registration.class);
    }

    /** SA-8: the customers {@code repId} owns now in the given offices (the owning entry of each visitor). */
    public List<Registration> ownedBy(String repId, List<String> officeIds) {
        Instant now = clock.instant();
        List<Registration> candidates = mongo.find(Query.query(Criteria.where("repId").is(repId).and("kind")
                .is(Registration.Kind.VISIT).and("officeId").in(officeIds).and("validUntil").gt(now)), Registration.class);
        List<Registration> owned = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Registration c : candidates) {
            String visitor = c.officeId + "|" + (c.phone != null ? c.phone : c.nameKey);
            if (!seen.add(visitor)) {
                continue;
            }
            lookup(c.officeId, c.phone, c.visitorName, now).owner().filter(o -> repId.equals(o.repId))
                    .ifPresent(owned::add);
        }
        owned.sort(Comparator.comparing(Registration::registeredAt).thenComparing(Registration::getId));
        return owned;
    }

    private Instant validUntil(String officeId, Instant from) {
        SalesPolicy policy = policies.current();
        return OwnershipWindow.validUntil(from, policy.validityMonthsAt(officeId), offices.zone());
    }
}
