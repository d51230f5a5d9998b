package org.crmsuite.customer.jobs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

import org.crmsuite.customer.calendar.BusinessCalendar;
import org.crmsuite.customer.profile.Customer;
import org.crmsuite.customer.profile.CustomerStatus;
import org.crmsuite.customer.profile.Customers;
import org.crmsuite.customer.profile.Grade;
import org.crmsuite.customer.profile.Values.BlacklistEntry;
import org.crmsuite.customer.profile.Values.BlacklistState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The time-driven rules, one pass at a time:
 * <ul>
 * <li>CU-7: blacklist entries past their expiry end (the customer is re-admitted only as QUALIFIED);</li>
 * <li>CU-8: active customers with an expired qualification document are suspended;</li>
 * <li>CU-6: a VIP whose downgrade deadline passed is downgraded to PREFERRED.</li>
 * </ul>
 * Safe with several instances: {@link MaintenanceScheduler} runs a pass only while holding the MongoDB lease, and every
 * customer is saved with its version, so a change another instance made first is skipped, never applied twice.
 */
@Service
public class CustomerMaintenance {

    private static final Logger log = LoggerFactory.getLogger(CustomerMaintenance.class);
    private static final int BATCH = 500;

    private final MongoTemplate mongo;
    private final Customers customers;
    private final BusinessCalendar calendar;

    CustomerMaintenance(MongoTemplate mongo, Customers customers, BusinessCalendar calendar) {
        this.mongo = mongo;
        this.customers = customers;
        this.calendar = calendar;
    }

    public record Pass(int blacklistEntriesExpired, int customersSuspended, int vipsDowngraded) {
    }

    public Pass runOnce() {
        Instant now = customers.now();
        LocalDate today = calendar.today();
        int expired = each(Criteria.where("blacklist").elemMatch(Criteria.where("state").is(BlacklistState.ACTIVE.name())
                .and("expiresAt").lte(now)), c -> {
                    boolean ended = false;
                    for (BlacklistEntry entry : c.getBlacklist()) {
                        if (entry.state() == BlacklistState.ACTIVE && !now.isBefore(entry.expiresAt())) {
                            c.endBlacklisting(entry.entryId(), BlacklistState.EXPIRED, "CU-7: expired", "system", now);
                            ended = true;
                        }
                    }
                    return ended;
                });
        int suspended = each(Criteria.where("status").is(CustomerStatus.ACTIVE.name()).and("documents.expiresOn").lt(today),
                c -> c.suspendForExpiredDocuments(today, now));
        int downgraded = each(Criteria.where("grade").is(Grade.VIP.name()).and("downgradeDueAt").lte(now), c -> {
            if (c.getGrade() != Grade.VIP || c.getDowngradeDueAt() == null || c.getDowngradeDueAt().isAfter(now)) {
                return false;
            }
            c.changeGrade(Grade.PREFERRED, "CU-6: problem recorded and the downgrade deadline "
                    + c.getDowngradeDueAt() + " passed", "system", now);
            return true;
        });
        Pass pass = new Pass(expired, suspended, downgraded);
        if (expired + suspended + downgraded > 0) {
            log.info("maintenance pass: {}", pass);
        }
        return pass;
    }

    /** Applies {@code change} to each due customer; saves (and counts) only those it changed. */
    private int each(Criteria due, Predicate<Customer> change) {
        Query query = new Query(new Criteria().andOperator(Criteria.where("tenantId").is(customers.tenantId()), due)).limit(BATCH);
        query.fields().include("_id");
        List<String> ids = mongo.find(query, Customer.class).stream().map(Customer::getId).toList();
        int changed = 0;
        for (String id : ids) {
            try {
                Customer customer = customers.get(id);
                if (change.test(customer)) {
                    customers.save(customer);
                    changed++;
                }
            } catch (OptimisticLockingFailureException other) {
                log.debug("customer {} changed meanwhile; the next pass looks again", id);
            }
        }
        return changed;
    }
}
