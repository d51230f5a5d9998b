package org.crmsuite.sales.units;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/units}: the inventory (SA-9). ADMIN or the project's MANAGER adds units and prices; staff read. */
@RestController
class UnitController {

    private final Units units;
    private final Offices offices;

    UnitController(Units units, Offices offices) {
        this.units = units;
        this.offices = offices;
    }

    record NewUnit(@NotBlank @Pattern(regexp = "[a-z0-9-]{3,40}") String projectId, @NotBlank @Size(max = 20) String building,
            @NotBlank @Size(max = 20) String unitNumber,
            @NotNull @DecimalMin(value = "1", inclusive = true) @Digits(integer = 6, fraction = 2) BigDecimal area,
            @NotNull @DecimalMin(value = "0.01") @Digits(integer = 12, fraction = 2) BigDecimal price,
            @Pattern(regexp = "[A-Z]{3}") String currency) {
    }

    record Price(@NotNull @DecimalMin(value = "0.01") @Digits(integer = 12, fraction = 2) BigDecimal price) {
    }

    record UnitView(String id, String projectId, String officeId, String building, String unitNumber, String area,
            String price, String currency, UnitStatus status, String depositId, Instant lockedAt, Long version) {

        static UnitView of(Unit u) {
            return new UnitView(u.getId(), u.projectId(), u.officeId(), u.building(), u.unitNumber(), u.area(), u.price(),
                    u.currency(), u.status(), u.depositId(), u.lockedAt(), u.getVersion());
        }
    }

    @PostMapping("/api/v1/units")
    @ResponseStatus(HttpStatus.CREATED)
    UnitView create(@Valid @RequestBody NewUnit body, Caller caller) {
        SalesOffice office = offices.ofProject(body.projectId()).orElseThrow(() -> DomainException.badRequest(
                "unit.project-unknown", "No sales office sells project " + body.projectId()).with("field", "projectId"));
        Forbidden.unless(caller.has(Role.ADMIN) || SalesAccess.isManagerOf(caller, office.departmentId()),
                "Only an administrator or the project's manager adds units");
        return UnitView.of(units.create(office, body.building(), body.unitNumber(), body.area().toPlainString(),
                body.price().toPlainString(), body.currency() == null ? "CNY" : body.currency()));
    }

    @GetMapping("/api/v1/units")
    List<UnitView> list(@RequestParam(required = false) String projectId, @RequestParam(required = false) UnitStatus status,
            Caller caller) {
        SalesAccess.requireStaff(caller);
        return units.list(projectId, status).stream().map(UnitView::of).toList();
    }

    @GetMapping("/api/v1/units/{id}")
    UnitView get(@PathVariable String id, Caller caller) {
        SalesAccess.requireStaff(caller);
        return UnitView.of(units.get(id));
    }

    @PutMapping("/api/v1/units/{id}/price")
    UnitView reprice(@PathVariable String id, @Valid @RequestBody Price body, Caller caller) {
        Unit unit = units.get(id);
        Forbidden.unless(caller.has(Role.ADMIN) || SalesAccess.isManagerOf(caller, unit.departmentId()),
                "Only an administrator or the project's manager changes a price");
        return UnitView.of(units.reprice(id, body.price().toPlainString()));
    }
}
