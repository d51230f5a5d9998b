package org.crmsuite.customer.classification;

import java.util.Locale;
import java.util.Optional;

import org.crmsuite.customer.policy.CustomerPolicy;
import org.crmsuite.customer.profile.Grade;

/**
 * CU-4 grade quota: VIP customers may be at most {@code vipQuotaPercent} (15 %) and preferred customers at most
 * {@code preferredQuotaPercent} (30 %) of a department's customers, and of a product line's customers (archived ones
 * do not count). A promotion that would break either quota is refused, saying which quota, where, and the current
 * counts. Qualified has no quota.
 */
public final class GradeQuota {

    /** Whose customers a quota counts. */
    public enum Scope { DEPARTMENT, PRODUCT_LINE }

    private GradeQuota() {
    }

    /**
     * @param scopeCustomers customers of the department or product line after the change (a new customer counts)
     * @param gradeCustomers those of them holding {@code target} before the change
     */
    public static Optional<Refusal> check(Grade target, Scope scope, String scopeId, long scopeCustomers,
            long gradeCustomers, CustomerPolicy policy) {
        if (target == Grade.QUALIFIED) {
            return Optional.empty();
        }
        int percent = switch (target) {
            case VIP -> policy.vipQuotaPercent();
            case PREFERRED -> policy.preferredQuotaPercent();
            case QUALIFIED -> 100;
        };
        long after = gradeCustomers + 1;
        if (after * 100 <= (long) percent * scopeCustomers) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(target, percent, scope, scopeId, scopeCustomers, gradeCustomers, after));
    }

    /** Why a promotion was refused: the quota, where it applies, and the counts there. */
    public record Refusal(Grade quota, int limitPercent, Scope scope, String scopeId, long scopeCustomers,
            long gradeCustomers, long gradeCustomersAfter) {

        public String detail() {
            String where = scope == Scope.DEPARTMENT ? "department " + scopeId : "product line " + scopeId;
            return String.format(Locale.ROOT,
                    "%s customers may be at most %d%% of %s's customers: %d of %d are %s already; "
                            + "one more would make %d of %d (%.1f%%)",
                    quota, limitPercent, where, gradeCustomers, scopeCustomers, quota, gradeCustomersAfter,
                    scopeCustomers, scopeCustomers == 0 ? 100.0 : gradeCustomersAfter * 100.0 / scopeCustomers);
        }
    }
}
