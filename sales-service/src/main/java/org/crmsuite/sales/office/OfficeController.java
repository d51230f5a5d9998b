package org.crmsuite.sales.office;

import java.time.Clock;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.identity.Role;
import org.crmsuite.sales.access.Forbidden;
import org.crmsuite.sales.access.SalesAccess;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/reception/offices}: an ADMIN or the department's MANAGER opens an office for a project; staff read. */
@RestController
class OfficeController {

    private final Offices offices;
    private final Clock clock;

    OfficeController(Offices offices, Clock clock) {
        this.offices = offices;
        this.clock = clock;
    }

    record NewOffice(@NotBlank @Pattern(regexp = "[a-z0-9-]{3,40}") String id, @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 60) String departmentId, @NotBlank @Pattern(regexp = "[a-z0-9-]{3,40}") String projectId,
            @NotBlank @Size(max = 100) String projectName) {
    }

    @PostMapping("/api/v1/reception/offices")
    @ResponseStatus(HttpStatus.CREATED)
    SalesOffice create(@Valid @RequestBody NewOffice body, Caller caller) {
        Forbidden.unless(caller.has(Role.ADMIN) || SalesAccess.isManagerOf(caller, body.departmentId()),
                "Only an administrator or the manager of " + body.departmentId() + " opens a sales office");
        return offices.create(new SalesOffice(body.id(), body.name(), body.departmentId(), body.projectId(),
                body.projectName(), clock.instant(), caller.id()));
    }

    @GetMapping("/api/v1/reception/offices")
    List<SalesOffice> list(Caller caller) {
        SalesAccess.requireStaff(caller);
        return offices.all();
    }

    @GetMapping("/api/v1/reception/offices/{officeId}")
    SalesOffice get(@PathVariable String officeId, Caller caller) {
        SalesAccess.requireStaff(caller);
        return offices.get(officeId);
    }
}
