package org.crmsuite.complaint.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.crmsuite.complaint.ComplaintSettings;
import org.crmsuite.complaint.access.Access;
import org.crmsuite.complaint.cases.Cases;
import org.crmsuite.complaint.cases.Channel;
import org.crmsuite.complaint.cases.Complaint;
import org.crmsuite.complaint.cases.CustomerVerification;
import org.crmsuite.complaint.cases.Level;
import org.crmsuite.complaint.customers.CustomerDirectory;
import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.identity.Role;
import org.crmsuite.platform.web.DomainException;
import org.crmsuite.platform.web.Problems;
import org.springframework.stereotype.Service;

/**
 * Complaint intake from every channel (CO-1) with the record of CO-2. The customer is looked up in customer-service;
 * if it is down or slow the complaint is still accepted, marked "customer unverified", and checked again by
 * {@link CustomerVerificationJob} — a complaint is never lost or refused for that reason (nor for the customer being
 * blacklisted, CU-7).
 */
@Service
public class Intake {

    /** A clock running a little fast on a client must not make a complaint "from the future" fail. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final Cases cases;
    private final CustomerDirectory customers;
    private final ComplaintSettings settings;
    private final Clock clock;

    Intake(Cases cases, CustomerDirectory customers, ComplaintSettings settings, Clock clock) {
        this.cases = cases;
        this.customers = customers;
        this.settings = settings;
        this.clock = clock;
    }

    Complaint file(NewComplaint body, Caller caller, String idempotencyKey) {
        boolean partner = caller.has(Role.PARTNER) && !Access.isStaff(caller);
        Access.require(partner || Access.isStaff(caller), "Staff and partner systems file complaints");
        Channel channel = body.channel();
        if (partner && channel != Channel.PARTNER_SYSTEM) {
            throw DomainException.badRequest("request.invalid", "A partner system files through channel PARTNER_SYSTEM")
                    .with("errors", java.util.List.of(new Problems.FieldError("channel", "must be one of [PARTNER_SYSTEM]")));
        }
        String scopedKey = idempotencyKey == null || idempotencyKey.isBlank() ? null : caller.id() + ":" + idempotencyKey.trim();
        if (scopedKey != null) {
            Complaint earlier = cases.byIdempotencyKey(scopedKey);
            if (earlier != null) {
                return earlier;
            }
        }
        Instant now = clock.instant();
        Instant receivedAt = body.receivedAt() == null ? now : body.receivedAt();
        if (receivedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw DomainException.badRequest("request.invalid", "receivedAt lies in the future")
                    .with("errors", java.util.List.of(new Problems.FieldError("receivedAt", "must not be in the future")));
        }
        String department = body.departmentId() != null ? body.departmentId()
                : caller.department() != null ? caller.department() : settings.defaultDepartment();

        CustomerVerification verification = CustomerVerification.NOT_APPLICABLE;
        Complaint.CustomerSnapshot snapshot = null;
        String customerId = body.customerId() == null || body.customerId().isBlank() ? null : body.customerId().trim();
        if (customerId != null) {
            CustomerDirectory.Check check = customers.check(customerId);
            verification = verificationOf(check);
            snapshot = snapshotOf(check);
        }
        NewComplaint.Contact contact = body.contact();
        Complaint.Intake intake = new Complaint.Intake(receivedAt, channel, body.category(), body.content().trim(),
                body.level() == null ? Level.L1 : body.level(), customerId,
                contact == null ? null : new Complaint.Contact(contact.name(), contact.phone(), contact.email(),
                        contact.kind() == null ? null : contact.kind().name()),
                body.products(), body.stores(), body.staff(), body.attachments(), department, caller.id(), partner,
                body.relatedTo(), scopedKey);
        return cases.receive(intake, verification, snapshot);
    }

    static CustomerVerification verificationOf(CustomerDirectory.Check check) {
        return switch (check.outcome()) {
            case FOUND -> CustomerVerification.VERIFIED;
            case NOT_FOUND -> CustomerVerification.NOT_FOUND;
            case UNAVAILABLE -> CustomerVerification.UNVERIFIED;
        };
    }

    static Complaint.CustomerSnapshot snapshotOf(CustomerDirectory.Check check) {
        return switch (check.outcome()) {
            case FOUND -> new Complaint.CustomerSnapshot(check.name(), check.grade(), check.category(), check.ownerId(),
                    check.departmentId(), check.allowed(), check.reason());
            case NOT_FOUND -> new Complaint.CustomerSnapshot(null, null, null, null, null, null, check.problem());
            case UNAVAILABLE -> new Complaint.CustomerSnapshot(null, null, null, null, null, null,
                    "customer unverified: " + check.problem());
        };
    }
}
