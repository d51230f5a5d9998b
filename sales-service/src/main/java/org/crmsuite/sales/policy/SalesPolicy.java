package org.crmsuite.sales.policy;

import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The reception desk's run-time policy (DOMAIN.md SA-2, SA-4, SA-6, SA-7, SA-8), defaults in {@code crm.sales.policy},
 * changed by an administrator.
 *
 * @param validityMonths SA-4: how long a visit registration holds ownership (default 1 month)
 * @param officeValidityMonths SA-4: per-office exceptions (some offices use 2 months)
 * @param maxOwedTurns SA-2: at most this many turns are owed to a rep away on company business
 * @param spouseRule SA-7: spouses received separately by two reps: {@code SPLIT} (50/50) or {@code FIRST_WINS}
 * @param referrerPercent SA-6: the referrer's share of a confirmed referral (30; the receiving rep gets the rest)
 * @param switchFirstRepPercent SA-7: an approved designated-rep switch leaves this much with the first rep (70)
 * @param refusalNewRepPercent SA-7: a customer who refused the rep owning them in the validity window: new rep's share (80)
 * @param returnVisitBusinessDays SA-8: a new owner return-visits within this many business days (3)
 */
public record SalesPolicy(
        @NotNull @Min(1) @Max(24) Integer validityMonths,
        Map<String, @Min(1) @Max(24) Integer> officeValidityMonths,
        @NotNull @Min(0) @Max(50) Integer maxOwedTurns,
        @NotNull SpouseRule spouseRule,
        @NotNull @Min(0) @Max(100) Integer referrerPercent,
        @NotNull @Min(0) @Max(100) Integer switchFirstRepPercent,
        @NotNull @Min(0) @Max(100) Integer refusalNewRepPercent,
        @NotNull @Min(1) @Max(30) Integer returnVisitBusinessDays) {

    public SalesPolicy {
        officeValidityMonths = officeValidityMonths == null ? Map.of() : Map.copyOf(officeValidityMonths);
    }

    /** SA-4: the validity window of a registration at {@code officeId}. */
    public int validityMonthsAt(String officeId) {
        return officeValidityMonths.getOrDefault(officeId, validityMonths);
    }

    public enum SpouseRule {
        /** 50/50 between the two reps. */
        SPLIT,
        /** All to the rep who received the couple's first visit. */
        FIRST_WINS
    }
}
