package org.crmsuite.customer.classification;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.crmsuite.platform.jobs.MongoLeases;
import org.crmsuite.customer.policy.CustomerPolicy;
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
 * Applies {@link GradeQuota} (CU-4) against the current counts of the customer's department and of each of its product
 * lines. The checks and the save that depends on them run under leases (the department's, then each product line's in
 * order), so two concurrent promotions cannot both take the last place of either.
 */
@Service
public class GradeQuotas {

    private static final List<String> COUNTED = List.of(CustomerStatus.ACTIVE.name(), CustomerStatus.SUSPENDED.name());
    private static final Duration LEASE = Duration.ofSeconds(10);
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final MongoTemplate mongo;
    private final Policies policies;
    private final MongoLeases locks;

    GradeQuotas(MongoTemplate mongo, Policies policies, MongoLeases locks) {
        this.mongo = mongo;
        this.policies = policies;
        this.locks = locks;
    }

    /**
     * Runs {@code save} if moving one customer of {@code departmentId} (buying {@code productLines}) to {@code target}
     * keeps every quota; {@code newCustomer} when the customer is not yet counted. Downgrades and QUALIFIED never need
     * a check.
     */
    public <T> T promoting(String departmentId, List<String> productLines, Grade from, Grade target, boolean newCustomer,
            Supplier<T> save) {
        if (target == Grade.QUALIFIED || (from != null && !target.isAbove(from))) {
            return save.get();
        }
        return checked(departmentId, productLines, target, newCustomer, save);
    }

    /**
     * Runs {@code save} if a customer holding {@code grade} may start buying {@code addedLines}: in each of those lines
     * it becomes one more {@code grade} customer, so the line's quota must allow it (CU-4).
     */
    public <T> T enteringProductLines(List<String> addedLines, Grade grade, Supplier<T> save) {
        if (grade == Grade.QUALIFIED || addedLines.isEmpty()) {
            return save.get();
        }
        return checked(null, addedLines, grade, true, save);
    }

    private <T> T checked(String departmentId, List<String> productLines, Grade target, boolean newMember,
            Supplier<T> save) {
        List<String> lines = productLines.stream().distinct().sorted().toList();
        Supplier<T> guarded = () -> {
            CustomerPolicy policy = policies.current();
            if (departmentId != null) {
                refuseIfFull(target, GradeQuota.Scope.DEPARTMENT, departmentId,
                        Criteria.where("departmentId").is(departmentId), newMember, policy);
            }
            for (String line : lines) {
                refuseIfFull(target, GradeQuota.Scope.PRODUCT_LINE, line, Criteria.where("productLines").is(line),
                        newMember, policy);
            }
            return save.get();
        };
        // leases in one order everywhere (department, then lines sorted), so two promotions never wait on each other
        for (int i = lines.size() - 1; i >= 0; i--) {
            Supplier<T> inner = guarded;
            String line = lines.get(i);
            guarded = () -> locks.withLease("grade-quota:line:" + line, LEASE, WAIT, inner);
        }
        if (departmentId != null) {
            Supplier<T> inner = guarded;
            return locks.withLease("grade-quota:" + departmentId, LEASE, WAIT, inner);
        }
        return guarded.get();
    }

    private void refuseIfFull(Grade target, GradeQuota.Scope scope, String scopeId, Criteria members, boolean newMember,
            CustomerPolicy policy) {
        Query counted = new Query(members).addCriteria(Criteria.where("status").in(COUNTED));
        long customers = mongo.count(counted, Customer.class) + (newMember ? 1 : 0);
        long holding = mongo.count(Query.of(counted).addCriteria(Criteria.where("grade").is(target.name())), Customer.class);
        GradeQuota.check(target, scope, scopeId, customers, holding, policy).ifPresent(refusal -> {
            DomainException refused = DomainException.conflict("customer.grade-quota-exceeded", refusal.detail())
                    .with("quota", refusal.quota().name())
                    .with("limitPercent", refusal.limitPercent())
                    .with("scope", refusal.scope().name())
                    .with("scopeCustomers", refusal.scopeCustomers())
                    .with("gradeCustomers", refusal.gradeCustomers())
                    .with("gradeCustomersAfter", refusal.gradeCustomersAfter());
            if (scope == GradeQuota.Scope.DEPARTMENT) {
                refused.with("departmentId", scopeId).with("departmentCustomers", refusal.scopeCustomers());
            } else {
                refused.with("productLine", scopeId);
            }
            throw refused;
        });
    }
}
