package org.crmsuite.customer.classification;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.crmsuite.platform.jobs.MongoLeases;
import org.crmsuite.customer.policy.Policies;
import org.crmsuite.customer.profile.Customer;
import org.crmsuite.customer.profile.CustomerStatus;
import org.crmsuite.customer.profile.Grade;
import org.crmsuite.platform.web.DomainException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Applies {@link GradeQuota} (CU-4) against the department's current counts. The check and the save that depends on
 * it run under a per-department lease, so two concurrent promotions cannot both take the last place.
 */
@Service
public class GradeQuotas {

    private static final List<String> COUNTED = List.of(CustomerStatus.ACTIVE.name(), CustomerStatus.SUSPENDED.name());

    private final MongoTemplate mongo;
    private final Policies policies;
    private final MongoLeases locks;

    GradeQuotas(MongoTemplate mongo, Policies policies, MongoLeases locks) {
        this.mongo = mongo;
        this.policies = policies;
        this.locks = locks;
    }

    /**
     * Runs {@code save} if moving one customer of {@code departmentId} to {@code target} keeps the quota;
     * {@code newCustomer} when the customer is not yet counted. Downgrades and QUALIFIED never need a check.
     */
    public <T> T promoting(String departmentId, Grade from, Grade target, boolean newCustomer, Supplier<T> save) {
        if (target == Grade.QUALIFIED || (from != null && !target.isAbove(from))) {
            return save.get();
        }
        return locks.withLease("grade-quota:" + departmentId, Duration.ofSeconds(10), Duration.ofSeconds(5), () -> {
            long department = mongo.count(counted(departmentId), Customer.class) + (newCustomer ? 1 : 0);
            long holding = mongo.count(counted(departmentId).addCriteria(Criteria.where("grade").is(target.name())),
                    Customer.class);
            GradeQuota.check(target, departmentId, department, holding, policies.current()).ifPresent(refusal -> {
                throw DomainException.conflict("customer.grade-quota-exceeded", refusal.detail())
                        .with("quota", refusal.quota().name())
                        .with("limitPercent", refusal.limitPercent())
                        .with("departmentId", refusal.departmentId())
                        .with("departmentCustomers", refusal.departmentCustomers())
                        .with("gradeCustomers", refusal.gradeCustomers())
                        .with("gradeCustomersAfter", refusal.gradeCustomersAfter());
            });
            return save.get();
        });
    }

    private static Query counted(String departmentId) {
        return new Query(Criteria.where("departmentId").is(departmentId).and("status").in(COUNTED));
    }
}
