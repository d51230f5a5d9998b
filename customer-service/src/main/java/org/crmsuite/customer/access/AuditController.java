package org.crmsuite.customer.access;

import java.time.Instant;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.crmsuite.customer.web.PageView;
import org.crmsuite.customer.web.Paging;
import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.identity.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/customers/audit}: the CU-3 audit log. A MANAGER sees the reads of their own department's
 * customers; DIRECTOR, GM and ADMIN see every entry and may filter by department.
 */
@RestController
class AuditController {

    private final ProfileReads reads;

    AuditController(ProfileReads reads) {
        this.reads = reads;
    }

    @GetMapping("/api/v1/customers/audit")
    PageView<ProfileRead> audit(@RequestParam(required = false) String departmentId,
            @RequestParam(required = false) String customerId, @RequestParam(required = false) String readerId,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Paging.MAX_SIZE) int size, Caller caller) {
        String department = departmentId;
        if (!WriteRules.seesEveryDepartment(caller)) {
            Forbidden.unless(caller.has(Role.MANAGER), "Only managers and above read the audit log");
            Forbidden.unless(department == null || caller.inDepartment(department),
                    "A manager reads the audit log of their own department only");
            department = caller.department();
        }
        return PageView.of(reads.find(department, customerId, readerId, from, to,
                Paging.of(page, size, "at,desc", Map.of("at", "at"), "at,desc")), r -> r);
    }
}
