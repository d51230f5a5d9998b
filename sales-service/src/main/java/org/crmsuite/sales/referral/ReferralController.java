package org.crmsuite.sales.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/reception/offices/{officeId}/referrals}: any employee refers a customer (SA-6); the office reads them. */
@RestController
class ReferralController {

    private final Referrals referrals;
    private final Offices offices;

    ReferralController(Referrals referrals, Offices offices) {
        this.referrals = referrals;
        this.offices = offices;
    }

    record NewReferral(@NotBlank @Size(max = 100) String visitorName,
            @NotBlank @Pattern(regexp = "[+0-9 ()-]{5,20}") String phone, @NotNull LocalDate appointmentDate) {
    }

    record ReferralView(String id, String officeId, String referrerId, String visitorName, String phone,
            String appointmentDate, Referral.State state, String receptionId, String receivingRepId, Instant confirmedAt,
            Instant lapsedAt) {

        static ReferralView of(Referral r) {
            return new ReferralView(r.getId(), r.officeId(), r.referrerId(), r.visitorName(), r.phone(),
                    r.appointmentDate(), r.state(), r.receptionId(), r.receivingRepId(), r.confirmedAt(), r.lapsedAt());
        }
    }

    @PostMapping("/api/v1/reception/offices/{officeId}/referrals")
    @ResponseStatus(HttpStatus.CREATED)
    ReferralView refer(@PathVariable String officeId, @Valid @RequestBody NewReferral body, Caller caller) {
        SalesOffice office = offices.get(officeId);
        Forbidden.unless(SalesAccess.isStaff(caller) && !caller.has(Role.SERVICE) && !caller.isAnonymous(),
                "Only employees refer customers (SA-6)");
        return ReferralView.of(referrals.register(office, caller.id(), body.visitorName(), body.phone(),
                body.appointmentDate()));
    }

    @GetMapping("/api/v1/reception/offices/{officeId}/referrals")
    List<ReferralView> list(@PathVariable String officeId, Caller caller) {
        SalesOffice office = offices.get(officeId);
        SalesAccess.requireStaff(caller);
        boolean wholeOffice = SalesAccess.readsOffice(caller, office.departmentId()) || SalesAccess.isSalesOf(caller,
                office.departmentId());
        return referrals.ofOffice(officeId, wholeOffice ? null : caller.id()).stream().map(ReferralView::of).toList();
    }
}
