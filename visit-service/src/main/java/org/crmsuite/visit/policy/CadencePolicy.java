package org.crmsuite.visit.policy;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.crmsuite.visit.customers.Grade;

/**
 * The policy values of the visit rules (DOMAIN.md: "policy" is a setting of the organisation, changeable at run time
 * by an administrator, with the named default).
 *
 * @param categoryMonths VI-1: regular visits by relationship category — key quarterly (3), general half-yearly (6),
 *        potential yearly (12)
 * @param gradeMonths VI-1: VIP and preferred big customers monthly (1, 1); 0 = the grade sets no cadence of its own.
 *        The shorter of category and grade cadence applies.
 * @param outOfTownMaxMonths VI-1: out-of-town partners are visited at least this often (6 = half-yearly)
 * @param homeRegions the regions the organisation is based in; a customer whose region is none of these is out of town
 * @param seniorManagementGrades VI-1: the "A-class" partners that also get a senior-management visit (VIP)
 * @param seniorManagementMonths VI-1: how often senior management visits them (12 = yearly)
 * @param horizonMonths VI-2: the annual communication plan — plans are generated this far ahead (12)
 * @param dueSoonBusinessDays VI-7: a plan is "due soon" when its deadline falls within this many business days (3)
 * @param ownerChangeBusinessDays VI-6 / CU-10: the new owner's return visit is due within this many business days (3)
 * @param ownerChangeReasons VI-6: which owner changes owe that visit (DEPARTURE and REASSIGNED)
 * @param revisitBusinessDays VI-6 / CO-8: the revisit after a closed complaint is due within this many business days (3)
 * @param improvementAreas VI-5: how many lowest-scoring areas the improvement report names (3)
 */
public record CadencePolicy(
        @NotNull @Valid PerCategory categoryMonths,
        @NotNull @Valid PerGrade gradeMonths,
        @Min(1) @Max(24) int outOfTownMaxMonths,
        @NotNull List<String> homeRegions,
        @NotNull Set<Grade> seniorManagementGrades,
        @Min(1) @Max(24) int seniorManagementMonths,
        @Min(1) @Max(24) int horizonMonths,
        @Min(1) @Max(30) int dueSoonBusinessDays,
        @Min(1) @Max(30) int ownerChangeBusinessDays,
        @NotNull Set<OwnerChangeReason> ownerChangeReasons,
        @Min(1) @Max(30) int revisitBusinessDays,
        @Min(1) @Max(20) int improvementAreas) {

    /** Months between regular visits per CU-4 relationship category. */
    public record PerCategory(@Min(1) @Max(24) int key, @Min(1) @Max(24) int general, @Min(1) @Max(24) int potential) {
    }

    /** Months between regular visits per CU-4 grade; 0 = none of its own. */
    public record PerGrade(@Min(0) @Max(24) int vip, @Min(0) @Max(24) int preferred, @Min(0) @Max(24) int qualified) {
    }

    /** The {@code reason} of customer-service's owner-changed event. */
    public enum OwnerChangeReason {
        DEPARTURE, REASSIGNED
    }
}
