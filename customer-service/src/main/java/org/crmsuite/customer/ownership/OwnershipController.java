package org.crmsuite.customer.ownership;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.crmsuite.customer.access.Confidentiality;
import org.crmsuite.customer.access.Forbidden;
import org.crmsuite.customer.access.WriteRules;
import org.crmsuite.customer.policy.CustomerSettings;
import org.crmsuite.customer.profile.Customer;
import org.crmsuite.customer.profile.CustomerMapper;
import org.crmsuite.customer.profile.CustomerStatus;
import org.crmsuite.customer.profile.CustomerViews.CustomerView;
import org.crmsuite.customer.profile.Customers;
import org.crmsuite.customer.web.Invalid;
import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.identity.Role;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Account managers (CU-10): reassign one customer, or redistribute a leaver's customers. */
@RestController
class OwnershipController {

    static final String DEPARTURE = "DEPARTURE";

    private final Customers customers;
    private final MongoTemplate mongo;
    private final CustomerSettings settings;

    OwnershipController(Customers customers, MongoTemplate mongo, CustomerSettings settings) {
        this.customers = customers;
        this.mongo = mongo;
        this.settings = settings;
    }

    record Departure(@NotBlank @Size(max = 64) String leavingStaffId,
            @NotEmpty @Size(max = 500) List<@NotBlank @Size(max = 64) String> remainingStaffIds,
            @Size(max = 64) String departmentId) {
    }

    record Assignment(String customerId, String name, String newOwnerId) {
    }

    record Redistribution(String leavingStaffId, String departmentId, int customers, Map<String, Integer> perStaff,
            List<Assignment> assignments) {
    }

    record OwnerChange(@NotBlank @Size(max = 64) String ownerId, @NotBlank @Size(max = 500) String reason) {
    }

    /**
     * The leaver's customers (of {@code departmentId}, or of every department for DIRECTOR/GM/ADMIN when omitted) go
     * evenly, in random order, to {@code remainingStaffIds}; one {@code crm.customer.owner-changed.v1} per customer.
     * Repeating the call finds nothing left to move.
     */
    @PostMapping("/api/v1/customers/ownership/departures")
    Redistribution departure(@Valid @RequestBody Departure body, Caller caller) {
        String department = body.departmentId();
        if (!WriteRules.seesEveryDepartment(caller) && !caller.has(Role.SERVICE)) {
            Forbidden.unless(caller.has(Role.MANAGER), "Only a manager or above redistributes a leaver's customers");
            Forbidden.unless(department == null || caller.inDepartment(department),
                    "A manager redistributes within their own department only");
            department = caller.department();
        }
        List<String> remaining = new ArrayList<>(new LinkedHashSet<>(body.remainingStaffIds()));
        if (remaining.contains(body.leavingStaffId())) {
            throw Invalid.field("remainingStaffIds", "must not contain the leaving staff member");
        }
        Criteria criteria = Criteria.where("tenantId").is(customers.tenantId()).and("ownerId").is(body.leavingStaffId())
                .and("status").ne(CustomerStatus.ARCHIVED.name());
        if (department != null) {
            criteria = criteria.and("departmentId").is(department);
        }
        Query query = new Query(criteria);
        query.fields().include("_id");
        List<String> ids = mongo.find(query, Customer.class).stream().map(Customer::getId).toList();
        Random random = settings.ownership() != null && settings.ownership().seed() != null
                ? new Random(settings.ownership().seed()) : new SecureRandom();
        Map<String, String> deal = OwnershipRedistribution.deal(ids, remaining, random);
        List<Assignment> assignments = new ArrayList<>();
        Map<String, Integer> perStaff = new TreeMap<>();
        remaining.forEach(s -> perStaff.put(s, 0));
        deal.forEach((customerId, owner) -> {
            try {
                Customer saved = customers.modify(customerId, c -> {
                    if (body.leavingStaffId().equals(c.getOwnerId())) {
                        c.reassign(owner, DEPARTURE, "CU-10: " + body.leavingStaffId() + " left", caller.id(), customers.now());
                    }
                });
                if (owner.equals(saved.getOwnerId())) {
                    assignments.add(new Assignment(customerId, saved.getName(), owner));
                    perStaff.merge(owner, 1, Integer::sum);
                }
            } catch (OptimisticLockingFailureException busy) {
                // changed by someone else three times in a row: left with the leaver; a repeated call moves it
            }
        });
        return new Redistribution(body.leavingStaffId(), department, assignments.size(), perStaff, assignments);
    }

    @PutMapping("/api/v1/customers/{id}/owner")
    CustomerView reassign(@PathVariable String id, @Valid @RequestBody OwnerChange body, Caller caller) {
        Customer customer = customers.get(id);
        Forbidden.unless(WriteRules.mayClassify(caller, customer.getDepartmentId()),
                "Only the department's manager or above change a customer's owner");
        Customer saved = customers.modify(id, c -> c.reassign(body.ownerId(), "REASSIGNED", body.reason(), caller.id(),
                customers.now()));
        return CustomerMapper.view(saved, Confidentiality.access(caller, saved.getDepartmentId(), saved.getOwnerId()));
    }
}
