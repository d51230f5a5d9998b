package org.crmsuite.sales.deposits;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.bson.types.ObjectId;
import org.crmsuite.platform.events.AggregateStore;
import org.crmsuite.platform.web.DomainException;
import org.crmsuite.sales.customers.CustomerCheck;
import org.crmsuite.sales.office.Offices;
import org.crmsuite.sales.policy.Policies;
import org.crmsuite.sales.referral.Referrals;
import org.crmsuite.sales.registration.Disputes;
import org.crmsuite.sales.registration.Registration;
import org.crmsuite.sales.registration.Registrations;
import org.crmsuite.sales.registration.Visitors;
import org.crmsuite.sales.units.Unit;
import org.crmsuite.sales.units.UnitStatus;
import org.crmsuite.sales.units.Units;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * SA-9 deposits: check the unit, ask customer-service whether the customer may do business (fail closed), lock the
 * unit atomically, then record the deposit with its event. Later stages, cancellation (releases the unit at once),
 * changes of unit or buyer (credit kept), finance's receipts, and the SA-7 commission on the contract.
 */
@Service
public class Deposits {

    private static final Logger log = LoggerFactory.getLogger(Deposits.class);

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final Units units;
    private final CustomerCheck customers;
    private final Offices offices;
    private final Registrations registrations;
    private final Referrals referrals;
    private final Disputes disputes;
    private final Policies policies;
    private final Clock clock;

    Deposits(MongoTemplate mongo, AggregateStore store, Units units, CustomerCheck customers, Offices offices,
            Registrations registrations, Referrals referrals, Disputes disputes, Policies policies, Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.units = units;
        this.customers = customers;
        this.offices = offices;
        this.registrations = registrations;
        this.referrals = referrals;
        this.disputes = disputes;
        this.policies = policies;
        this.clock = clock;
    }

    public Deposit get(String id) {
        Deposit d = mongo.findById(id, Deposit.class);
        if (d == null) {
            throw DomainException.notFound("deposit", id);
        }
        return d;
    }

    record NewDeposit(Unit unit, String customerId, String buyerName, String buyerPhone, String repId, DealStage stage,
            String amount, String currency, String by, String idempotencyKey) {
    }

    /** With an {@code Idempotency-Key} (scoped to the caller) a retried request gets the first deposit back. */
    Deposit take(NewDeposit n) {
        String key = n.idempotencyKey() == null || n.idempotencyKey().isBlank() ? null : n.by() + ":" + n.idempotencyKey().trim();
        Optional<Deposit> earlier = byKey(key);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return takeOnce(n, key);
        } catch (DomainException refused) {
            // a copy of this request that raced ahead took the unit: answer with its deposit
            return byKey(key).orElseThrow(() -> refused);
        }
    }

    private Optional<Deposit> byKey(String key) {
        return key == null ? Optional.empty()
                : Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("idempotencyKey").is(key)), Deposit.class));
    }

    private Deposit takeOnce(NewDeposit n, String key) {
        if (n.unit().status() != UnitStatus.AVAILABLE && !staleHold(n.unit().depositId())) {
            throw DomainException.conflict("unit.not-available", "Unit " + n.unit().building() + "-"
                    + n.unit().unitNumber() + " is not available (" + n.unit().status() + ")").with("unitId", n.unit().getId());
        }
        customers.requireAllowed(n.customerId(), n.unit().departmentId());
        String depositId = new ObjectId().toHexString();
        Unit locked = units.lock(n.unit().getId(), depositId, n.stage().unitStatus(), this::staleHold);
        Instant now = clock.instant();
        Deposit deposit = Deposit.take(new Deposit.Taking(depositId, locked.getId(), locked.projectId(), locked.officeId(),
                locked.departmentId(), n.customerId(), n.buyerName(), Visitors.phone(n.buyerPhone()), n.repId(), n.stage(),
                n.amount(), n.currency(), n.by(), now, offices.today(), key));
        try {
            return store.save(deposit);
        } catch (RuntimeException notStored) {
            units.release(locked.getId(), depositId, "DEPOSIT_NOT_STORED");
            throw notStored;
        }
    }

    /**
     * A deposit taken before this system knew of it (paper records, the local demo): the unit is locked the same
     * atomic way; the customer check is the one done when the money was taken, so it is not asked again here.
     */
    public Deposit importTaken(Unit unit, String customerId, String buyerName, String buyerPhone, String repId,
            DealStage stage, String amount, String currency, String by) {
        String depositId = new ObjectId().toHexString();
        Unit locked = units.lock(unit.getId(), depositId, stage.unitStatus(), this::staleHold);
        return store.save(Deposit.take(new Deposit.Taking(depositId, locked.getId(), locked.projectId(),
                locked.officeId(), locked.departmentId(), customerId, buyerName, Visitors.phone(buyerPhone), repId, stage,
                amount, currency, by, clock.instant(), offices.today(), null)));
    }

    Deposit advance(Deposit deposit, DealStage next, String amount, String currency, String by) {
        customers.requireAllowed(deposit.customerId(), deposit.departmentId());
        deposit.advance(next, amount, currency, by, clock.instant(), offices.today());
        if (next == DealStage.CONTRACT) {
            deposit.settleCommission(CommissionSplit.compute(facts(deposit), policies.current()), clock.instant());
        }
        Deposit saved = store.save(deposit);
        units.advance(saved.unitId(), saved.getId(), next.unitStatus());
        return saved;
    }

    /** SA-9: cancellation releases the unit at once. */
    Deposit cancel(Deposit deposit, String reason, String by) {
        deposit.cancel(reason, by, clock.instant());
        Deposit saved = store.save(deposit);
        units.release(saved.unitId(), saved.getId(), "CANCELLED");
        return saved;
    }

    Deposit changeUnit(Deposit deposit, String toUnitId, String reason, String by) {
        if (toUnitId.equals(deposit.unitId())) {
            throw DomainException.badRequest("deposit.same-unit", "The deposit is on that unit already").with("field", "unitId");
        }
        Unit target = units.get(toUnitId);
        if (!target.projectId().equals(deposit.projectId())) {
            throw DomainException.badRequest("deposit.other-project", "A unit of another project cannot take this deposit")
                    .with("field", "unitId");
        }
        String from = deposit.unitId();
        units.lock(toUnitId, deposit.getId(), deposit.stage().unitStatus(), this::staleHold);
        deposit.changeUnit(toUnitId, reason, by, clock.instant());
        Deposit saved;
        try {
            saved = store.save(deposit);
        } catch (RuntimeException notStored) {
            units.release(toUnitId, deposit.getId(), "UNIT_CHANGE_NOT_STORED");
            throw notStored;
        }
        units.release(from, saved.getId(), "UNIT_CHANGE");
        return saved;
    }

    Deposit changeBuyer(Deposit deposit, String customerId, String buyerName, String buyerPhone, String reason, String by) {
        customers.requireAllowed(customerId, deposit.departmentId());
        deposit.changeBuyer(customerId, buyerName, Visitors.phone(buyerPhone), reason, by, clock.instant());
        return store.save(deposit);
    }

    public Deposit recordPayment(Deposit deposit, DealStage stage, String amount, String currency, String reference, String by) {
        deposit.recordPayment(stage, amount, currency, reference, by, clock.instant());
        return store.save(deposit);
    }

    Deposit overrideCommission(Deposit deposit, List<CommissionSplit.Share> shares, String reason, String by) {
        deposit.overrideCommission(shares, reason, by, clock.instant());
        return store.save(deposit);
    }

    List<Deposit> list(String officeId, String repId, String unitId) {
        Criteria c = new Criteria();
        if (officeId != null) {
            c = Criteria.where("officeId").is(officeId);
        }
        if (repId != null) {
            c = c.and("repId").is(repId);
        }
        if (unitId != null) {
            c = c.and("unitId").is(unitId);
        }
        return mongo.find(Query.query(c).with(Sort.by(Sort.Direction.DESC, "takenAt")).limit(200), Deposit.class);
    }

    /** SA-8: the leaver's deals not yet contracted, to go with their customers. */
    public List<Deposit> openOf(String repId, List<String> officeIds) {
        return mongo.find(Query.query(Criteria.where("repId").is(repId).and("officeId").in(officeIds).and("stage")
                .in(DealStage.SMALL_DEPOSIT, DealStage.LARGE_DEPOSIT, DealStage.SUBSCRIPTION)), Deposit.class);
    }

    /** SA-8: hands an open deal to the customer's new owner. */
    public void reassign(String depositId, String fromRep, String toRep, String reason) {
        modify(depositId, d -> {
            if (fromRep.equals(d.repId()) && d.stage().active()) {
                d.reassignRep(toRep, reason, clock.instant());
            }
        });
    }

    CommissionSplit.Facts facts(Deposit deposit) {
        List<Registration> history = deposit.buyerPhone() == null ? List.of()
                : registrations.entriesOf(deposit.officeId(), deposit.buyerPhone(), deposit.buyerName());
        List<Registration> spouses = new ArrayList<>();
        history.stream().map(Registration::spousePhone).filter(p -> p != null && !p.equals(deposit.buyerPhone()))
                .distinct().forEach(p -> spouses.addAll(registrations.entriesOf(deposit.officeId(), p, null)));
        if (deposit.buyerPhone() != null) {
            mongo.find(Query.query(Criteria.where("officeId").is(deposit.officeId()).and("spousePhone")
                    .is(deposit.buyerPhone()).and("kind").is(Registration.Kind.VISIT)), Registration.class).stream()
                    .filter(r -> !deposit.buyerPhone().equals(r.phone()))
                    .filter(r -> spouses.stream().noneMatch(s -> s.getId().equals(r.getId())))
                    .forEach(spouses::add);
        }
        spouses.removeIf(r -> r.kind() != Registration.Kind.VISIT);
        spouses.sort(java.util.Comparator.comparing(Registration::registeredAt));
        return new CommissionSplit.Facts(deposit.repId(), history, registrations.supersededAmong(history), spouses,
                referrals.confirmedFor(deposit.officeId(), deposit.buyerPhone()),
                disputes.decisionFor(deposit.officeId(), deposit.buyerPhone()));
    }

    private boolean staleHold(String depositId) {
        if (depositId == null) {
            return true;
        }
        Deposit holder = mongo.findById(depositId, Deposit.class);
        if (holder == null) {
            // the lock was written and the deposit not (yet): only stale once it is clearly abandoned
            Optional<Unit> unit = Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("depositId").is(depositId)),
                    Unit.class));
            return unit.map(u -> u.lockedAt() != null && u.lockedAt().isBefore(clock.instant().minusSeconds(600)))
                    .orElse(true);
        }
        return holder.stage() == DealStage.CANCELLED;
    }

    private void modify(String depositId, Consumer<Deposit> change) {
        for (int attempt = 0;; attempt++) {
            Deposit d = get(depositId);
            change.accept(d);
            try {
                store.save(d);
                return;
            } catch (OptimisticLockingFailureException changedMeanwhile) {
                if (attempt > 20) {
                    log.warn("deposit {} kept changing; not reassigned", depositId);
                    throw changedMeanwhile;
                }
            }
        }
    }
}
