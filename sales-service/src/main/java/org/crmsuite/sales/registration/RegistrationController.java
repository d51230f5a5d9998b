package org.crmsuite.sales.registration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.identity.Role;
import org.crmsuite.platform.web.DomainException;
import org.crmsuite.sales.access.Forbidden;
import org.crmsuite.sales.access.SalesAccess;
import org.crmsuite.sales.office.Offices;
import org.crmsuite.sales.office.SalesOffice;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The register (SA-4) under {@code /api/v1/reception}: calls, the daily confirmation, edits before it and corrections
 * after it, the manager's reassignments (SA-7) and ownership disputes.
 */
@RestController
class RegistrationController {

    static final String PHONE = "[+0-9 ()-]{5,20}";

    private final Registrations registrations;
    private final Disputes disputes;
    private final Offices offices;
    private final java.time.Clock clock;

    RegistrationController(Registrations registrations, Disputes disputes, Offices offices, java.time.Clock clock) {
        this.registrations = registrations;
        this.disputes = disputes;
        this.offices = offices;
        this.clock = clock;
    }

    record NewCall(@NotBlank @Size(max = 100) String callerName, @NotBlank @Pattern(regexp = PHONE) String phone,
            @Size(max = 500) String note) {
    }

    record Changes(@NotBlank @Size(max = 100) String visitorName, @Pattern(regexp = PHONE) String phone,
            @Pattern(regexp = PHONE) String spousePhone, @Size(max = 500) String note, @NotNull @Min(0) Long version) {
    }

    record Correction(@NotBlank @Size(max = 100) String visitorName, @Pattern(regexp = PHONE) String phone,
            @Pattern(regexp = PHONE) String spousePhone, @NotBlank @Size(max = 500) String note) {
    }

    record DayConfirmation(@NotNull LocalDate date) {
    }

    record Reassignment(@NotBlank String toRepId, @NotBlank @Size(max = 1000) String reason) {
    }

    record NewDispute(@NotBlank @Size(max = 100) String visitorName, @NotBlank @Pattern(regexp = PHONE) String phone,
            @NotEmpty @Size(min = 2, max = 5) List<@NotBlank String> claimants,
            @NotBlank @Size(max = 2000) String description) {
    }

    record ShareBody(@NotBlank String staffId, @Min(0) @Max(100) int percent) {
    }

    record Decision(@NotBlank @Size(max = 4000) String decision, List<@Valid ShareBody> shares) {
    }

    record RegistrationView(String id, String officeId, String projectId, Registration.Kind kind,
            Registration.Origin origin, String visitorName, String phone, String spousePhone, String repId,
            String receivedBy, String receptionId, Instant registeredAt, Instant validUntil, String date, String note,
            String correctionOf, String overrides, String fromRepId, boolean confirmed, String confirmedBy,
            Instant confirmedAt, Long version) {

        static RegistrationView of(Registration r) {
            return new RegistrationView(r.getId(), r.officeId(), r.projectId(), r.kind(), r.origin(), r.visitorName(),
                    r.phone(), r.spousePhone(), r.repId(), r.receivedBy(), r.receptionId(), r.registeredAt(),
                    r.validUntil(), r.date(), r.note(), r.correctionOf(), r.overrides(), r.fromRepId(), r.confirmed(),
                    r.confirmedBy(), r.confirmedAt(), r.getVersion());
        }
    }

    record DisputeView(String id, String officeId, String visitorName, String phone, List<String> claimants,
            String description, String openedBy, Instant openedAt, Dispute.State state, String decision,
            List<Dispute.Share> shares, String decidedBy, Instant decidedAt) {

        static DisputeView of(Dispute d) {
            return new DisputeView(d.getId(), d.officeId(), d.visitorName(), d.phone(), d.claimants(), d.description(),
                    d.openedBy(), d.openedAt(), d.state(), d.decision(), d.shares(), d.decidedBy(), d.decidedAt());
        }
    }

    record ConfirmationView(String id, String officeId, String date, int count, String confirmedBy, Instant confirmedAt) {
    }

    record OwnerView(String phone, String ownerRepId, String registrationId, Instant registeredAt, Instant validUntil,
            String lapsedRegistrationId, Instant lapsedAt, String rule) {
    }

    @PostMapping("/api/v1/reception/offices/{officeId}/calls")
    @ResponseStatus(HttpStatus.CREATED)
    RegistrationView call(@PathVariable String officeId, @Valid @RequestBody NewCall body, Caller caller) {
        SalesOffice office = offices.get(officeId);
        SalesAccess.requireFrontDesk(caller, office.departmentId());
        return RegistrationView.of(registrations.registerCall(office, body.callerName(), body.phone(), caller.id(),
                body.note(), caller.id()));
    }

    @GetMapping("/api/v1/reception/offices/{officeId}/registrations")
    List<RegistrationView> list(@PathVariable String officeId, @RequestParam(required = false) LocalDate date,
            @RequestParam(required = false) String repId, Caller caller) {
        SalesOffice office = offices.get(officeId);
        String rep = repId;
        if (!SalesAccess.readsOffice(caller, office.departmentId())) {
            Forbidden.unless(SalesAccess.isSalesOf(caller, office.departmentId()), "Only the office's staff read its register");
            rep = caller.id();
        }
        return registrations.list(officeId, date, rep).stream().map(RegistrationView::of).toList();
    }

    /** SA-3/SA-4: who owns this visitor now (for the front desk; no personal data beyond what was asked). */
    @GetMapping("/api/v1/reception/offices/{officeId}/registrations/owner")
    OwnerView owner(@PathVariable String officeId, @RequestParam(required = false) String phone,
            @RequestParam(required = false) String name, Caller caller) {
        SalesOffice office = offices.get(officeId);
        SalesAccess.requireFrontDesk(caller, office.departmentId());
        if (Visitors.phone(phone) == null && (name == null || name.isBlank())) {
            throw DomainException.badRequest("registration.lookup-needs-phone-or-name", "Give the visitor's phone or name")
                    .with("field", "phone");
        }
        OwnershipWindow.Finding found = registrations.lookup(officeId, phone, name, clock.instant());
        return new OwnerView(Visitors.phone(phone), found.owner().map(Registration::repId).orElse(null),
                found.owner().map(Registration::getId).orElse(null), found.owner().map(Registration::registeredAt).orElse(null),
                found.owner().map(Registration::validUntil).orElse(null), found.lapsed().map(Registration::getId).orElse(null),
                found.lapsed().map(Registration::validUntil).orElse(null), "SA-4");
    }

    @GetMapping("/api/v1/reception/registrations/{id}")
    RegistrationView get(@PathVariable String id, Caller caller) {
        Registration r = registrations.get(id);
        requireOwnOrManager(r, caller, true);
        return RegistrationView.of(r);
    }

    @PutMapping("/api/v1/reception/registrations/{id}")
    RegistrationView edit(@PathVariable String id, @Valid @RequestBody Changes body, Caller caller) {
        Registration r = registrations.get(id);
        requireOwnOrManager(r, caller, false);
        r.requireUnconfirmed();
        if (!body.version().equals(r.getVersion())) {
            throw DomainException.conflict("concurrency.stale-version", "Registration " + id + " changed meanwhile");
        }
        return RegistrationView.of(registrations.edit(r, body.visitorName(), body.phone(), body.spousePhone(), body.note()));
    }

    @DeleteMapping("/api/v1/reception/registrations/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id, Caller caller) {
        Registration r = registrations.get(id);
        requireOwnOrManager(r, caller, false);
        registrations.remove(r);
    }

    @PostMapping("/api/v1/reception/registrations/{id}/corrections")
    @ResponseStatus(HttpStatus.CREATED)
    RegistrationView correct(@PathVariable String id, @Valid @RequestBody Correction body, Caller caller) {
        Registration r = registrations.get(id);
        requireOwnOrManager(r, caller, false);
        return RegistrationView.of(registrations.correct(r, body.visitorName(), body.phone(), body.spousePhone(),
                body.note(), caller.id()));
    }

    @PostMapping("/api/v1/reception/offices/{officeId}/registrations/confirmations")
    @ResponseStatus(HttpStatus.CREATED)
    ConfirmationView confirm(@PathVariable String officeId, @Valid @RequestBody DayConfirmation body, Caller caller) {
        SalesOffice office = offices.get(officeId);
        SalesAccess.requireManagerOf(caller, office.departmentId(), "confirms the day's registrations (SA-4)");
        if (body.date().isAfter(offices.today())) {
            throw DomainException.badRequest("registration.future-day", "A day in the future cannot be confirmed")
                    .with("field", "date");
        }
        Confirmation c = registrations.confirm(office, body.date(), caller.id());
        return new ConfirmationView(c.getId(), c.officeId(), c.date(), c.count(), c.confirmedBy(), c.confirmedAt());
    }

    /** SA-7: the manager reassigns a customer after a complaint against the rep: all commission to the new rep. */
    @PostMapping("/api/v1/reception/registrations/{id}/reassignments")
    @ResponseStatus(HttpStatus.CREATED)
    RegistrationView reassign(@PathVariable String id, @Valid @RequestBody Reassignment body, Caller caller) {
        Registration r = registrations.get(id);
        SalesAccess.requireManagerOf(caller, r.departmentId(), "reassigns a customer (SA-7)");
        if (r.kind() != Registration.Kind.VISIT) {
            throw DomainException.conflict("registration.not-a-visit", "A call registration owns no customer");
        }
        if (body.toRepId().equals(r.repId())) {
            throw DomainException.badRequest("registration.same-rep", "The customer is already " + r.repId() + "'s")
                    .with("field", "toRepId");
        }
        return RegistrationView.of(registrations.reassign(r, body.toRepId(), Registration.Origin.COMPLAINT_REASSIGNMENT,
                body.reason(), caller.id()));
    }

    @PostMapping("/api/v1/reception/offices/{officeId}/disputes")
    @ResponseStatus(HttpStatus.CREATED)
    DisputeView openDispute(@PathVariable String officeId, @Valid @RequestBody NewDispute body, Caller caller) {
        SalesOffice office = offices.get(officeId);
        SalesAccess.requireFrontDesk(caller, office.departmentId());
        return DisputeView.of(disputes.open(office, body.visitorName(), body.phone(), body.claimants(), body.description(),
                caller.id()));
    }

    @GetMapping("/api/v1/reception/offices/{officeId}/disputes")
    List<DisputeView> disputes(@PathVariable String officeId, Caller caller) {
        SalesOffice office = offices.get(officeId);
        SalesAccess.requireFrontDesk(caller, office.departmentId());
        return disputes.ofOffice(officeId).stream().map(DisputeView::of).toList();
    }

    @PostMapping("/api/v1/reception/disputes/{id}/decision")
    DisputeView decide(@PathVariable String id, @Valid @RequestBody Decision body, Caller caller) {
        Dispute d = disputes.get(id);
        SalesAccess.requireManagerOf(caller, d.departmentId(), "decides an ownership dispute (SA-7)");
        List<Dispute.Share> shares = body.shares() == null ? List.of()
                : body.shares().stream().map(s -> new Dispute.Share(s.staffId(), s.percent())).toList();
        return DisputeView.of(disputes.decide(d, body.decision(), shares, caller.id()));
    }

    private static void requireOwnOrManager(Registration r, Caller caller, boolean read) {
        boolean own = caller.has(Role.SALES) && (caller.id().equals(r.repId()) || caller.id().equals(r.receivedBy()));
        boolean allowed = own || SalesAccess.isManagerOf(caller, r.departmentId())
                || (read && SalesAccess.readsOffice(caller, r.departmentId()));
        Forbidden.unless(allowed, "Only the rep of the registration or the manager of " + r.departmentId() + " may");
    }
}
