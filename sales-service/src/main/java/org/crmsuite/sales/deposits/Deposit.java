package org.crmsuite.sales.deposits;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.crmsuite.platform.events.AggregateRoot;
import org.crmsuite.platform.web.DomainException;
import org.crmsuite.sales.events.SalesEvents;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One sale of one unit (SA-9): from the first deposit through the subscription to the contract, or cancelled. The
 * credited rep stays through a change of unit or of buyer (each recorded); money is recorded as received only by
 * finance; on the contract the commission split (SA-7) is computed and kept with the rule that produced it.
 */
@Document("deposits")
@CompoundIndexes({ @CompoundIndex(name = "rep_stage", def = "{'repId': 1, 'stage': 1}"),
        @CompoundIndex(name = "office_taken", def = "{'officeId': 1, 'takenOn': 1}"),
        @CompoundIndex(name = "office_contracted", def = "{'officeId': 1, 'contractedOn': 1}") })
public class Deposit extends AggregateRoot {

    public record StageAmount(DealStage stage, String amount, String currency, String recordedBy, Instant at) {
    }

    public record Payment(DealStage stage, String amount, String currency, String reference, String receivedBy,
            Instant receivedAt) {
    }

    public record Change(String kind, String from, String to, String reason, String by, Instant at) {
    }

    public record Commission(String rule, String explanation, List<CommissionSplit.Share> shares,
            List<CommissionSplit.Share> computedShares, boolean overridden, String overrideReason, String overriddenBy,
            Instant at) {
    }

    String unitId;
    String projectId;
    String officeId;
    String departmentId;
    String customerId;
    String buyerName;
    String buyerPhone;
    String repId;
    DealStage stage;
    List<StageAmount> amounts = new ArrayList<>();
    List<Payment> payments = new ArrayList<>();
    List<Change> changes = new ArrayList<>();
    Instant takenAt;
    String takenOn;
    String contractId;
    Instant contractedAt;
    String contractedOn;
    Instant cancelledAt;
    String cancelReason;
    Commission commission;
    @org.springframework.data.mongodb.core.index.Indexed(unique = true, sparse = true)
    String idempotencyKey;

    Deposit() {
    }

    record Taking(String id, String unitId, String projectId, String officeId, String departmentId, String customerId,
            String buyerName, String buyerPhone, String repId, DealStage stage, String amount, String currency,
            String by, Instant at, LocalDate on, String idempotencyKey) {
    }

    static Deposit take(Taking t) {
        Deposit d = new Deposit();
        d.setId(t.id());
        d.unitId = t.unitId();
        d.projectId = t.projectId();
        d.officeId = t.officeId();
        d.departmentId = t.departmentId();
        d.customerId = t.customerId();
        d.buyerName = t.buyerName();
        d.buyerPhone = t.buyerPhone();
        d.repId = t.repId();
        d.stage = t.stage();
        d.amounts.add(new StageAmount(t.stage(), t.amount(), t.currency(), t.by(), t.at()));
        d.takenAt = t.at();
        d.takenOn = t.on().toString();
        d.idempotencyKey = t.idempotencyKey();
        d.raise(SalesEvents.DEPOSIT_TAKEN, new SalesEvents.DepositTaken(t.id(), t.unitId(), t.projectId(), t.officeId(),
                t.customerId(), t.repId(), t.stage().name(), t.amount(), t.currency(), t.at()));
        return d;
    }

    void advance(DealStage next, String amount, String currency, String by, Instant at, LocalDate on) {
        requireActive();
        if (next == DealStage.CANCELLED || next.ordinal() <= stage.ordinal()) {
            throw DomainException.conflict("deposit.stage-backwards", "A deal moves forward only: " + stage + " → " + next)
                    .with("stage", stage.name());
        }
        stage = next;
        amounts.add(new StageAmount(next, amount, currency, by, at));
        if (next == DealStage.CONTRACT) {
            contractId = "ct-" + getId();
            contractedAt = at;
            contractedOn = on.toString();
            raise(SalesEvents.CONTRACT_SIGNED, new SalesEvents.ContractSigned(contractId, getId(), unitId, customerId,
                    repId, amount, currency, at));
        }
    }

    void settleCommission(CommissionSplit.Result result, Instant at) {
        commission = new Commission(result.rule(), result.explanation(), result.shares(), result.shares(), false, null,
                null, at);
        announceCommission();
    }

    void overrideCommission(List<CommissionSplit.Share> shares, String reason, String by, Instant at) {
        if (commission == null) {
            throw DomainException.conflict("deposit.not-contracted", "The commission is computed when the contract is signed");
        }
        if (shares.stream().mapToInt(CommissionSplit.Share::percent).sum() != 100) {
            throw DomainException.badRequest("commission.shares-not-100", "The shares must add up to 100")
                    .with("field", "shares");
        }
        commission = new Commission("SA-7 override", "SA-7: overridden by " + by + ": " + reason, shares,
                commission.computedShares(), true, reason, by, at);
        announceCommission();
    }

    private void announceCommission() {
        raise(SalesEvents.COMMISSION_SPLIT, new SalesEvents.CommissionSplit(contractId, unitId, customerId,
                commission.rule(), commission.explanation(), commission.overridden(), commission.overrideReason(),
                commission.shares().stream().map(s -> new SalesEvents.CommissionShare(s.staffId(), s.percent(), s.rule()))
                        .toList()));
    }

    void cancel(String reason, String by, Instant at) {
        requireActive();
        stage = DealStage.CANCELLED;
        cancelledAt = at;
        cancelReason = reason;
        raise(SalesEvents.DEPOSIT_CANCELLED, new SalesEvents.DepositCancelled(getId(), unitId, customerId, repId, reason,
                by, at));
    }

    /** SA-9: a change of unit is recorded; the rep keeps the credit. */
    void changeUnit(String toUnitId, String reason, String by, Instant at) {
        requireActive();
        changes.add(new Change("UNIT", unitId, toUnitId, reason, by, at));
        unitId = toUnitId;
    }

    /** SA-9: a change of buyer name is recorded; the rep keeps the credit. */
    void changeBuyer(String toCustomerId, String toName, String toPhone, String reason, String by, Instant at) {
        requireActive();
        changes.add(new Change("BUYER", customerId + " " + buyerName, toCustomerId + " " + toName, reason, by, at));
        customerId = toCustomerId;
        buyerName = toName;
        buyerPhone = toPhone;
    }

    /** SA-8: the credited rep left; the deal goes on with the customer's new owner. */
    void reassignRep(String toRep, String reason, Instant at) {
        changes.add(new Change("REP", repId, toRep, reason, "system", at));
        repId = toRep;
    }

    /** SA-9: money is recorded as received by finance, never by a rep. */
    void recordPayment(DealStage forStage, String amount, String currency, String reference, String by, Instant at) {
        if (stage == DealStage.CANCELLED) {
            throw DomainException.conflict("deposit.cancelled", "Deposit " + getId() + " is cancelled");
        }
        payments.add(new Payment(forStage, amount, currency, reference, by, at));
        raise(SalesEvents.PAYMENT_RECEIVED, new SalesEvents.PaymentReceived(getId(), forStage.name(), amount, currency,
                reference, by, at));
    }

    private void requireActive() {
        if (stage == DealStage.CANCELLED) {
            throw DomainException.conflict("deposit.cancelled", "Deposit " + getId() + " is cancelled");
        }
        if (stage == DealStage.CONTRACT) {
            throw DomainException.conflict("deposit.contracted", "Deposit " + getId() + " ended in a signed contract");
        }
    }

    public String unitId() { return unitId; }
    public String projectId() { return projectId; }
    public String officeId() { return officeId; }
    public String departmentId() { return departmentId; }
    public String customerId() { return customerId; }
    public String buyerName() { return buyerName; }
    public String buyerPhone() { return buyerPhone; }
    public String repId() { return repId; }
    public DealStage stage() { return stage; }
    public List<StageAmount> amounts() { return List.copyOf(amounts); }
    public List<Payment> payments() { return List.copyOf(payments); }
    public List<Change> changes() { return List.copyOf(changes); }
    public Instant takenAt() { return takenAt; }
    public String takenOn() { return takenOn; }
    public String contractId() { return contractId; }
    public Instant contractedAt() { return contractedAt; }
    public Instant cancelledAt() { return cancelledAt; }
    public String cancelReason() { return cancelReason; }
    public Commission commission() { return commission; }
}
