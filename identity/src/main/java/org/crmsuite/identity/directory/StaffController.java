package org.crmsuite.identity.directory;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.crmsuite.identity.directory.DirectoryViews.EscalationView;
import org.crmsuite.identity.directory.DirectoryViews.PageView;
import org.crmsuite.identity.directory.DirectoryViews.StaffView;
import org.crmsuite.identity.directory.StaffRequests.NewStaff;
import org.crmsuite.identity.directory.StaffRequests.StaffChange;
import org.crmsuite.platform.identity.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/staff}: the people in the directory. Any member of staff (and any service) reads; only ADMIN writes
 * (auth.ApiSecurity).
 */
@RestController
@RequestMapping("/api/v1/staff")
class StaffController {

    private final Directory directory;
    private final DirectoryProperties settings;

    StaffController(Directory directory, DirectoryProperties settings) {
        this.directory = directory;
        this.settings = settings;
    }

    @GetMapping
    PageView<StaffView> list(@RequestParam(required = false) String departmentId,
            @RequestParam(required = false) Role role, @RequestParam(required = false) StaffStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size,
            @RequestParam(defaultValue = "username") @Pattern(regexp = "(username|name|email|createdAt|updatedAt)(,(asc|desc))?",
                    message = "must be username, name, email, createdAt or updatedAt, optionally followed by ,asc or ,desc") String sort) {
        return PageView.of(directory.staff(departmentId, role, status, Paging.of(page, size, sort)), DirectoryMapper::view);
    }

    @GetMapping("/{id}")
    StaffView get(@PathVariable String id) {
        return DirectoryMapper.view(directory.person(id));
    }

    /** CO-4: who a case handled by this person escalates to (their department's manager, then its director). */
    @GetMapping("/{id}/escalation")
    EscalationView escalation(@PathVariable String id) {
        return DirectoryMapper.view(directory.escalation(id));
    }

    @PostMapping
    ResponseEntity<StaffView> create(@Valid @RequestBody NewStaff request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Person person = directory.hire(DirectoryMapper.details(request, settings.getDefaultLocale()), request.password(),
                idempotencyKey);
        return ResponseEntity.created(URI.create("/api/v1/staff/" + person.getId())).body(DirectoryMapper.view(person));
    }

    /** Marking someone LEFT here is how a departure is recorded (crm.staff.left.v1). */
    @PutMapping("/{id}")
    StaffView update(@PathVariable String id, @Valid @RequestBody StaffChange request) {
        return DirectoryMapper.view(directory.revise(id, request.version(), DirectoryMapper.details(request), request.password()));
    }
}
