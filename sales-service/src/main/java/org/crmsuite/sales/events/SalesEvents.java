package org.crmsuite.sales.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.crmsuite.platform.events.EventType;

/** The event types sales-service publishes (docs/events.md, "sales-service events") and the records of their {@code data}. */
public final class SalesEvents {

    private SalesEvents() {
    }

    public static final EventType RECEPTION_ASSIGNED = new EventType("crm.reception.assigned.v1", "sales.reception.assigned");
    public static final EventType REGISTRATION_CONFIRMED = new EventType("crm.reception.registration-confirmed.v1",
            "sales.registration.confirmed");
    public static final EventType CUSTOMER_REASSIGNED = new EventType("crm.reception.customer-reassigned.v1",
            "sales.registration.reassigned");
    public static final EventType REFERRAL_LAPSED = new EventType("crm.reception.referral-lapsed.v1", "sales.referral.lapsed");
    public static final EventType DEPOSIT_TAKEN = new EventType("crm.sales.deposit-taken.v1", "sales.deposit.taken");
    public static final EventType DEPOSIT_CANCELLED = new EventType("crm.sales.deposit-cancelled.v1", "sales.deposit.cancelled");
    public static final EventType PAYMENT_RECEIVED = new EventType("crm.sales.payment-received.v1", "sales.deposit.payment-received");
    public static final EventType UNIT_RELEASED = new EventType("crm.sales.unit-released.v1", "sales.unit.released");
    public static final EventType CONTRACT_SIGNED = new EventType("crm.sales.contract-signed.v1", "sales.contract.signed");
    public static final EventType COMMISSION_SPLIT = new EventType("crm.sales.commission-split.v1",
            "sales.contract.commission-split");

    /** NO-2: a walk-in was assigned to a rep; {@code rule} SA-1/SA-2/SA-3/SA-5 and {@code reason} say why. */
    public record ReceptionAssigned(String receptionId, String officeId, String departmentId, String repId,
            String creditedRepId, String rule, String reason, boolean countedAsTurn, String visitorName,
            String registrationId, String standbyRepId, Instant at) {
    }

    public record RegistrationConfirmed(String officeId, LocalDate date, int count, String confirmedBy) {
    }

    /** SA-8 (and manager reassignments): the new owner owes a return visit by {@code returnVisitDueBy} (VI-6). */
    public record CustomerReassigned(String registrationId, String officeId, String departmentId, String customerName,
            String contactPhone, String fromRepId, String toRepId, String reason, Instant returnVisitDueBy) {
    }

    public record ReferralLapsed(String referralId, String officeId, String referrerId, String customerName,
            LocalDate appointmentDate) {
    }

    public record DepositTaken(String depositId, String unitId, String projectId, String officeId, String customerId,
            String repId, String stage, String amount, String currency, Instant takenAt) {
    }

    public record DepositCancelled(String depositId, String unitId, String customerId, String repId, String reason,
            String cancelledBy, Instant cancelledAt) {
    }

    public record PaymentReceived(String depositId, String stage, String amount, String currency, String reference,
            String receivedBy, Instant receivedAt) {
    }

    public record UnitReleased(String unitId, String projectId, String depositId, String cause, Instant releasedAt) {
    }

    public record ContractSigned(String contractId, String depositId, String unitId, String customerId, String repId,
            String amount, String currency, Instant signedAt) {
    }

    public record CommissionShare(String staffId, int percent, String rule) {
    }

    public record CommissionSplit(String contractId, String unitId, String customerId, String rule, String explanation,
            boolean overridden, String overrideReason, List<CommissionShare> shares) {
    }
}
