package org.crmsuite.identity.directory;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.crmsuite.identity.directory.DepartmentRequests.DepartmentChange;
import org.crmsuite.identity.directory.DepartmentRequests.NewDepartment;
import org.crmsuite.identity.directory.DirectoryViews.DepartmentView;
import org.crmsuite.identity.directory.DirectoryViews.PageView;
import org.crmsuite.identity.directory.DirectoryViews.StaffView;
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
 * {@code /api/v1/departments}: the company tree and the look-ups escalation (CO-4) and redistribution (CU-10, SA-8)
 * make. Any member of staff (and any service) reads; only ADMIN writes (auth.ApiSecurity).
 */
@RestController
@RequestMapping("/api/v1/departments")
class DepartmentController {

    private final Directory directory;

    DepartmentController(Directory directory) {
        this.directory = directory;
    }

    @GetMapping
    PageView<DepartmentView> list(@RequestParam(required = false) String parentId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size,
            @RequestParam(defaultValue = "name") @Pattern(regexp = "(name|createdAt|updatedAt)(,(asc|desc))?",
                    message = "must be name, createdAt or updatedAt, optionally followed by ,asc or ,desc") String sort) {
        return PageView.of(directory.departments(parentId, Paging.of(page, size, sort)), DirectoryMapper::view);
    }

    @GetMapping("/{id}")
    DepartmentView get(@PathVariable String id) {
        return DirectoryMapper.view(directory.department(id));
    }

    /** The L2 handler (CO-4): the department's manager, or the nearest one above it. */
    @GetMapping("/{id}/manager")
    StaffView manager(@PathVariable String id) {
        return DirectoryMapper.view(directory.manager(id));
    }

    /** The L3 handler (CO-4): the department's director, or its parent's when it has none of its own. */
    @GetMapping("/{id}/director")
    StaffView director(@PathVariable String id) {
        return DirectoryMapper.view(directory.director(id));
    }

    /** The department's own members, e.g. {@code ?role=SALES&status=ACTIVE} for redistribution (CU-10, SA-8). */
    @GetMapping("/{id}/staff")
    PageView<StaffView> staff(@PathVariable String id, @RequestParam(required = false) Role role,
            @RequestParam(required = false) StaffStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return PageView.of(directory.staffOf(id, role, status, Paging.of(page, size, "username")), DirectoryMapper::view);
    }

    @PostMapping
    ResponseEntity<DepartmentView> create(@Valid @RequestBody NewDepartment request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Department department = directory.openDepartment(DirectoryMapper.details(request), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/v1/departments/" + department.getId()))
                .body(DirectoryMapper.view(department));
    }

    @PutMapping("/{id}")
    DepartmentView update(@PathVariable String id, @Valid @RequestBody DepartmentChange request) {
        return DirectoryMapper.view(directory.reviseDepartment(id, request.version(), DirectoryMapper.details(request)));
    }
}
