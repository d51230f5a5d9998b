package org.crmsuite.customer.ownership;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.crmsuite.customer.access.Confidentiality;
import org.crmsuite.customer.access.Forbidden;
import org.crmsuite.customer.access.WriteRules;
import org.crmsuite.customer.profile.Customer;
import org.crmsuite.customer.profile.CustomerMapper;
import org.crmsuite.customer.profile.CustomerViews.CustomerView;
import org.crmsuite.customer.profile.Customers;
import org.crmsuite.customer.web.Invalid;
import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.identity.Role;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Account managers (CU-10): reassign one customer, or redistribute a leaver's customers. */
@RestController
class OwnershipController {

    private final Customers customers;
    private final Departures departures;

    OwnershipController(Customers customers, Departures departures) {
        this.customers = customers;
        this.departures = departures;
    }

    record Departure(@NotBlank @Size(max = 64) String leavingStaffId,
            @NotEmpty @Size(max = 500) List<@NotBlank @Size(max = 64) String> remainingStaffIds,
            @Size(max = 64) String departmentId) {
    }

    record OwnerChange(@NotBlank @Size(max = 64) String ownerId, @NotBlank @Size(max = 500) String reason) {
    }

    /**
     * The leaver's customers (of {@code departmentId}, or of every department for DIRECTOR/GM/ADMIN when omitted) go
     * evenly, in random order, to {@code remainingStaffIds}; one {@code crm.customer.owner-changed.v1} per customer.
     * Repeating the call finds nothing left to move.
     */
    @PostMapping("/api/v1/customers/ownership/departures")
    Departures.Redistribution departure(@Valid @RequestBody Departure body, Caller caller) {
        String department = body.departmentId();
        if (!WriteRules.seesEveryDepartment(caller) && !caller.has(Role.SERVICE)) {
            Forbidden.unless(caller.has(Role.MANAGER), "Only a manager or above redistributes a leaver's customers");
            Forbidden.unless(department == null || caller.inDepartment(department),
                    "A manager redistributes within their own department only");
            department = caller.department();
        }
        if (body.remainingStaffIds().contains(body.leavingStaffId())) {
            throw Invalid.field("remainingStaffIds", "must not contain the leaving staff member");
        }
        return departures.redistribute(body.leavingStaffId(), department, body.remainingStaffIds(), caller.id());
    }

    @PutMapping("/api/v1/customers/{id}/owner")
    CustomerView reassign(@PathVariable String id, @Valid @RequestBody OwnerChange body, Caller caller) {
        Customer customer = customers.get(id);
        Forbidden.unless(WriteRules.mayClassify(caller, customer.getDepartmentId()),
                "Only the department's manager or above change a customer's owner");
        Customers.refuseArchived(customer);
        Customer saved = customers.modify(id, c -> c.reassign(body.ownerId(), "REASSIGNED", body.reason(), caller.id(),
                customers.now()));
        return CustomerMapper.view(saved, Confidentiality.access(caller, saved.getDepartmentId(), saved.getOwnerId()));
    }
}
