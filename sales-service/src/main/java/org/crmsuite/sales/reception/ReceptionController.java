package org.crmsuite.sales.reception;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.identity.Role;
import org.crmsuite.sales.access.Forbidden;
import org.crmsuite.sales.access.SalesAccess;
import org.crmsuite.sales.office.Offices;
import org.crmsuite.sales.office.SalesOffice;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/reception/offices/{officeId}/walk-ins}: the desk's one question, "who receives this visitor?", answered
 * with the rep, the rule and the registration relied on (SA-1 … SA-5).
 */
@RestController
class ReceptionController {

    private final Receptions receptions;
    private final Offices offices;

    ReceptionController(Receptions receptions, Offices offices) {
        this.receptions = receptions;
        this.offices = offices;
    }

    record SwitchRequest(@NotBlank String toRepId, @NotBlank @Size(max = 1000) String reason) {
    }

    record Decision(String receptionId, String officeId, String repId, String creditedRepId, String rule, String reason,
            boolean countedAsTurn, String reliedOnRegistrationId, String registrationId, String referralId,
            String standbyRepId, String switchedTo, String switchApprovedBy, String visitorName, Instant at) {

        static Decision of(Reception r) {
            return new Decision(r.id, r.officeId, r.repId, r.creditedRepId, r.rule, r.reason, r.countedAsTurn,
                    r.reliedOnRegistrationId, r.registrationId, r.referralId, r.standbyRepId, r.switchedTo,
                    r.switchApprovedBy, r.visitorName, r.at);
        }
    }

    @PostMapping("/api/v1/reception/offices/{officeId}/walk-ins")
    @ResponseStatus(HttpStatus.CREATED)
    Decision walkIn(@PathVariable String officeId, @Valid @RequestBody WalkIn body,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey, Caller caller) {
        SalesOffice office = offices.get(officeId);
        SalesAccess.requireFrontDesk(caller, office.departmentId());
        return Decision.of(receptions.receive(office, body, caller.id(), idempotencyKey));
    }

    @GetMapping("/api/v1/reception/offices/{officeId}/receptions")
    List<Decision> list(@PathVariable String officeId, @RequestParam(required = false) LocalDate date, Caller caller) {
        SalesOffice office = offices.get(officeId);
        String rep = null;
        if (!SalesAccess.readsOffice(caller, office.departmentId())) {
            Forbidden.unless(SalesAccess.isSalesOf(caller, office.departmentId()), "Only the office's staff read receptions");
            rep = caller.id();
        }
        return receptions.list(officeId, date == null ? offices.today() : date, rep).stream().map(Decision::of).toList();
    }

    @GetMapping("/api/v1/reception/receptions/{id}")
    Decision get(@PathVariable String id, Caller caller) {
        Reception r = receptions.get(id);
        boolean own = caller.has(Role.SALES) && (caller.id().equals(r.repId) || caller.id().equals(r.creditedRepId));
        Forbidden.unless(own || SalesAccess.readsOffice(caller, r.departmentId), "Only the rep or the office's manager");
        return Decision.of(r);
    }

    @PostMapping("/api/v1/reception/receptions/{id}/switch")
    Decision switchRep(@PathVariable String id, @Valid @RequestBody SwitchRequest body, Caller caller) {
        Reception r = receptions.get(id);
        SalesAccess.requireManagerOf(caller, r.departmentId, "decides a switch of rep mid-reception (SA-5)");
        return Decision.of(receptions.switchRep(r, body.toRepId(), body.reason(), caller.id()));
    }
}
