package org.crmsuite.customer.classification;

import java.util.Locale;
import java.util.Optional;

import org.crmsuite.customer.policy.CustomerPolicy;
import org.crmsuite.customer.profile.Grade;

/**
 * CU-4 grade quota: VIP customers may be at most {@code vipQuotaPercent} (15 %) and preferred customers at most
 * {@code preferredQuotaPercent} (30 %) of a department's customers (archived ones do not count). A promotion that
 * would break the quota is refused, saying which quota and the current counts. Qualified has no quota.
 */
public final class GradeQuota {

    private GradeQuota() {
    }

    /**
     * @param departmentCustomers customers of the department after the change (a new customer counts)
     * @param gradeCustomers customers of the department holding {@code target} before the change
     */
    public static Optional<Refusal> check(Grade target, String departmentId, long departmentCustomers, long gradeCustomers,
            CustomerPolicy policy) {
        if (target == Grade.QUALIFIED) {
            return Optional.empty();
        }
        int percent = switch (target) {
            case VIP -> policy.vipQuotaPercent();
            case PREFERRED -> policy.preferredQuotaPercent();
            case QUALIFIED -> 100;
        };
        long after = gradeCustomers + 1;
        if (after * 100 <= (long) percent * departmentCustomers) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(target, percent, departmentId, departmentCustomers, gradeCustomers, after));
    }

    /** Why a promotion was refused: the quota and the department's counts. */
    public record Refusal(Grade quota, int limitPercent, String departmentId, long departmentCustomers,
            long gradeCustomers, long gradeCustomersAfter) {

        public String detail() {
            return String.format(Locale.ROOT,
                    "%s customers may be at most %d%% of department %s's customers: %d of %d are %s already; "
                            + "one more would make %d of %d (%.1f%%)",
                    quota, limitPercent, departmentId, gradeCustomers, departmentCustomers, quota, gradeCustomersAfter,
                    departmentCustomers, departmentCustomers == 0 ? 100.0 : gradeCustomersAfter * 100.0 / departmentCustomers);
        }
    }
}
