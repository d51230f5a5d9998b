package org.crmsuite.sales.reception;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.bson.types.ObjectId;
import org.crmsuite.platform.web.DomainException;
import org.crmsuite.sales.office.Offices;
import org.crmsuite.sales.office.SalesOffice;
import org.crmsuite.sales.policy.Policies;
import org.crmsuite.sales.referral.Referral;
import org.crmsuite.sales.referral.Referrals;
import org.crmsuite.sales.registration.OwnershipWindow;
import org.crmsuite.sales.registration.Registration;
import org.crmsuite.sales.registration.Registrations;
import org.crmsuite.sales.registration.Visitors;
import org.crmsuite.sales.rota.Rota;
import org.crmsuite.sales.rota.Rotas;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The reception desk (SA-3, SA-5): look the visitor up in the register, decide who receives against today's rota in
 * one conditional write of the rota (which carries the {@code reception.assigned} event), register the visit (SA-4) and
 * confirm a pending referral (SA-6).
 */
@Service
public class Receptions {

    private final Offices offices;
    private final Rotas rotas;
    private final Registrations registrations;
    private final Referrals referrals;
    private final Policies policies;
    private final MongoTemplate mongo;
    private final Clock clock;

    Receptions(Offices offices, Rotas rotas, Registrations registrations, Referrals referrals, Policies policies,
            MongoTemplate mongo, Clock clock) {
        this.offices = offices;
        this.rotas = rotas;
        this.registrations = registrations;
        this.referrals = referrals;
        this.policies = policies;
        this.mongo = mongo;
        this.clock = clock;
    }

    private record Decided(WalkInDecision.Plan plan, Rota.Turn turn, String standby, boolean replay) {
    }

    public Reception receive(SalesOffice office, WalkIn walkIn, String by) {
        return receive(office, walkIn, by, null);
    }

    /**
     * @param idempotencyKey the client's {@code Idempotency-Key} (scoped to the caller): a retried request gets the
     *        first decision back; the key is checked inside the rota's conditional write, so even two copies racing
     *        take one turn
     */
    public Reception receive(SalesOffice office, WalkIn walkIn, String by, String idempotencyKey) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : by + ":" + idempotencyKey.trim();
        if (key != null) {
            Reception earlier = mongo.findOne(Query.query(Criteria.where("idempotencyKey").is(key)), Reception.class);
            if (earlier != null) {
                return earlier;
            }
        }
        Instant now = clock.instant();
        LocalDate today = offices.today();
        OwnershipWindow.Finding finding = registrations.lookup(office.id(), walkIn.phone(), walkIn.visitorName(), now);
        String receptionId = new ObjectId().toHexString();
        int maxOwed = policies.current().maxOwedTurns();
        Decided decided;
        try {
            decided = rotas.change(office.id(), today, rota -> {
                java.util.Optional<Rota.Turn> taken = rota.turnFor(key);
                if (taken.isPresent()) {
                    return new Decided(null, taken.get(), rota.standby().orElse(null), true);
                }
                WalkInDecision.Plan plan = WalkInDecision.plan(walkIn, finding, rota, offices.zone());
                Rota.Turn turn = switch (plan.path()) {
                    case ROTA -> rota.takeTurn(receptionId, walkIn.visitorName(), plan.reliedOn(), null, plan.reason(),
                            maxOwed, now, key);
                    case COURTESY -> {
                        if (plan.repId() == null) {
                            throw DomainException.conflict("rota.nobody-on-duty", "Nobody on today's rota is on duty");
                        }
                        yield rota.receiveOutsideTurn(receptionId, plan.repId(), plan.creditedRepId(), plan.rule(),
                                plan.reason(), walkIn.visitorName(), plan.reliedOn(), now, key);
                    }
                    default -> rota.receiveOutsideTurn(receptionId, plan.repId(), plan.creditedRepId(), plan.rule(),
                            plan.reason(), walkIn.visitorName(), plan.reliedOn(), now, key);
                };
                return new Decided(plan, turn, rota.standby().orElse(null), false);
            });
        } catch (DomainException e) {
            if (e.code().equals("rota.not-found")) {
                throw DomainException.conflict("rota.not-set", "No rota is set for " + office.id() + " today (" + today
                        + "); the manager sets it first");
            }
            throw e;
        }
        Rota.Turn turn = decided.turn();
        if (decided.replay()) {
            return replayOf(office, turn);
        }
        Registration refused = decided.plan().refused();
        Registration registration = registrations.registerVisit(office, walkIn.visitorName(), walkIn.phone(),
                walkIn.spousePhone(), turn.creditedRepId(), turn.repId(), receptionId,
                refused == null ? null : refused.getId(),
                refused == null ? Registration.Origin.RECEPTION : Registration.Origin.REFUSAL, walkIn.note(), by);
        Referral referral = referrals.arrival(office.id(), walkIn.phone(), receptionId, turn.creditedRepId()).orElse(null);

        Reception r = new Reception();
        r.id = receptionId;
        r.officeId = office.id();
        r.departmentId = office.departmentId();
        r.date = today.toString();
        r.visitorName = walkIn.visitorName();
        r.phone = Visitors.phone(walkIn.phone());
        r.repId = turn.repId();
        r.creditedRepId = turn.creditedRepId();
        r.rule = turn.rule();
        r.reason = turn.reason() + (referral == null ? "" : "; SA-6: referral " + referral.getId() + " by "
                + referral.referrerId() + " confirmed on arrival");
        r.countedAsTurn = turn.counted();
        r.reliedOnRegistrationId = turn.registrationId();
        r.registrationId = registration.getId();
        r.referralId = referral == null ? null : referral.getId();
        r.standbyRepId = decided.standby();
        r.receivedBy = by;
        r.at = now;
        r.idempotencyKey = key;
        return mongo.insert(r);
    }

    /** A retry that found its turn in the rota: the stored reception, or (while the first copy is still writing it) the turn. */
    private Reception replayOf(SalesOffice office, Rota.Turn turn) {
        Reception stored = mongo.findById(turn.receptionId(), Reception.class);
        if (stored != null) {
            return stored;
        }
        Reception r = new Reception();
        r.id = turn.receptionId();
        r.officeId = office.id();
        r.departmentId = office.departmentId();
        r.repId = turn.repId();
        r.creditedRepId = turn.creditedRepId();
        r.rule = turn.rule();
        r.reason = turn.reason();
        r.countedAsTurn = turn.counted();
        r.reliedOnRegistrationId = turn.registrationId();
        r.at = turn.at();
        return r;
    }

    public Reception get(String id) {
        Reception r = mongo.findById(id, Reception.class);
        if (r == null) {
            throw DomainException.notFound("reception", id);
        }
        return r;
    }

    /** SA-5: a visitor asking to switch mid-reception is switched only by the manager's decision (then SA-7's 70/30). */
    Reception switchRep(Reception reception, String toRepId, String reason, String by) {
        if (reception.switchedTo != null) {
            throw DomainException.conflict("reception.switched", "This reception was switched already to "
                    + reception.switchedTo);
        }
        if (toRepId.equals(reception.creditedRepId)) {
            throw DomainException.badRequest("reception.same-rep", "The visitor is already " + toRepId + "'s")
                    .with("field", "toRepId");
        }
        Registration registration = registrations.get(reception.registrationId);
        registrations.reassign(registration, toRepId, Registration.Origin.SWITCH, reason, by);
        reception.switchedTo = toRepId;
        reception.switchApprovedBy = by;
        reception.switchReason = reason;
        return mongo.save(reception);
    }

    List<Reception> list(String officeId, LocalDate date, String repId) {
        Criteria c = Criteria.where("officeId").is(officeId).and("date").is(date.toString());
        if (repId != null) {
            c = c.orOperator(Criteria.where("repId").is(repId), Criteria.where("creditedRepId").is(repId));
        }
        return mongo.find(Query.query(c).with(Sort.by("at", "_id")), Reception.class);
    }
}
