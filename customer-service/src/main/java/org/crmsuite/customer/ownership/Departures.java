package org.crmsuite.customer.ownership;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.crmsuite.customer.policy.CustomerSettings;
import org.crmsuite.customer.profile.Customer;
import org.crmsuite.customer.profile.CustomerStatus;
import org.crmsuite.customer.profile.Customers;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * CU-10: a leaver's customers go evenly, in random order, to the remaining staff; one owner-changed event per
 * customer (visit-service schedules the new owner's return visit from it). Used by the departures call and by the
 * consumer of identity's {@code crm.staff.left.v1}. Repeating it finds nothing left to move.
 */
@Service
public class Departures {

    static final String DEPARTURE = "DEPARTURE";

    private final Customers customers;
    private final MongoTemplate mongo;
    private final CustomerSettings settings;

    Departures(Customers customers, MongoTemplate mongo, CustomerSettings settings) {
        this.customers = customers;
        this.mongo = mongo;
        this.settings = settings;
    }

    public record Assignment(String customerId, String name, String newOwnerId) {
    }

    public record Redistribution(String leavingStaffId, String departmentId, int customers, Map<String, Integer> perStaff,
            List<Assignment> assignments) {
    }

    /**
     * @param department only the leaver's customers of this department, or of every department when {@code null}
     * @param actorId    who redistributes (a person, or the service consuming the departure event)
     */
    public Redistribution redistribute(String leavingStaffId, String department, List<String> remainingStaffIds,
            String actorId) {
        List<String> remaining = new ArrayList<>(new LinkedHashSet<>(remainingStaffIds));
        remaining.remove(leavingStaffId);
        Criteria criteria = Criteria.where("tenantId").is(customers.tenantId()).and("ownerId").is(leavingStaffId)
                .and("status").ne(CustomerStatus.ARCHIVED.name());
        if (department != null) {
            criteria = criteria.and("departmentId").is(department);
        }
        Query query = new Query(criteria);
        query.fields().include("_id");
        List<String> ids = mongo.find(query, Customer.class).stream().map(Customer::getId).toList();
        Map<String, Integer> perStaff = new TreeMap<>();
        remaining.forEach(s -> perStaff.put(s, 0));
        List<Assignment> assignments = new ArrayList<>();
        if (remaining.isEmpty()) {
            return new Redistribution(leavingStaffId, department, 0, perStaff, assignments);
        }
        Random random = settings.ownership() != null && settings.ownership().seed() != null
                ? new Random(settings.ownership().seed()) : new SecureRandom();
        Map<String, String> deal = OwnershipRedistribution.deal(ids, remaining, random);
        deal.forEach((customerId, owner) -> {
            try {
                Customer saved = customers.modify(customerId, c -> {
                    if (leavingStaffId.equals(c.getOwnerId())) {
                        c.reassign(owner, DEPARTURE, "CU-10: " + leavingStaffId + " left", actorId, customers.now());
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
        return new Redistribution(leavingStaffId, department, assignments.size(), perStaff, assignments);
    }
}
