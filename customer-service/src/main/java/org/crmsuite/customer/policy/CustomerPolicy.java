package org.crmsuite.customer.policy;

import java.math.BigDecimal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The policy values of the customer rules (DOMAIN.md: "policy" means a setting of the organisation, changeable at run
 * time by an administrator, with the named default).
 *
 * @param vipQuotaPercent CU-4: VIP customers at most this share of a department's customers (15)
 * @param preferredQuotaPercent CU-4: preferred customers at most this share (30)
 * @param tierThresholds CU-4: monthly volume in tonnes from which a customer is one-, two-, three-star
 * @param reviewPeriodMonths CU-6: grades are re-evaluated this often (6)
 * @param vipDowngradeBusinessDays CU-6: a VIP with a recorded problem is downgraded within this many business days (5)
 * @param blacklistMonths CU-7: a blacklist entry expires after this many months at most (6)
 * @param staleAfterDays CU-2: a profile not verified for this many days is reported as stale (180)
 * @param majorChangeWindowHours CU-2: a major change must be recorded within this many hours of happening (24)
 * @param nearDuplicateSimilarity CU-11: names at least this similar (0..1, after normalising) are flagged (0.8)
 */
public record CustomerPolicy(
        @Min(0) @Max(100) int vipQuotaPercent,
        @Min(0) @Max(100) int preferredQuotaPercent,
        @NotNull @Valid TierThresholds tierThresholds,
        @Min(1) @Max(24) int reviewPeriodMonths,
        @Min(1) @Max(30) int vipDowngradeBusinessDays,
        @Min(1) @Max(6) int blacklistMonths,
        @Min(1) @Max(3650) int staleAfterDays,
        @Min(1) @Max(720) int majorChangeWindowHours,
        @DecimalMin("0.5") @DecimalMax("1.0") double nearDuplicateSimilarity) {

    /**
     * CU-4 volume tiers by monthly offtake in tonnes: ordinary below {@code oneStar}, one-star from {@code oneStar},
     * two-star from {@code twoStar}, three-star from {@code threeStar}.
     */
    public record TierThresholds(@NotNull @DecimalMin("0") BigDecimal oneStar, @NotNull @DecimalMin("0") BigDecimal twoStar,
            @NotNull @DecimalMin("0") BigDecimal threeStar) {

        @AssertTrue(message = "must be ascending: oneStar < twoStar < threeStar")
        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean isAscending() {
            return oneStar == null || twoStar == null || threeStar == null
                    || (oneStar.compareTo(twoStar) < 0 && twoStar.compareTo(threeStar) < 0);
        }
    }
}
