package org.crmsuite.customer.classification;

import java.math.BigDecimal;

import org.crmsuite.customer.policy.CustomerPolicy.TierThresholds;
import org.crmsuite.customer.profile.Tier;

/**
 * CU-4 volume tier by monthly offtake: NEW (网拍) until a month is recorded, then ORDINARY below the one-star
 * threshold (1000 t), ONE_STAR from 1000 t, TWO_STAR from 2000 t, THREE_STAR from 3000 t (thresholds are policy).
 * Tiers follow the latest recorded month, up and down.
 */
public final class VolumeTiers {

    private VolumeTiers() {
    }

    public static Tier tierFor(BigDecimal latestMonthTonnes, TierThresholds thresholds) {
        if (latestMonthTonnes == null) {
            return Tier.NEW;
        }
        if (latestMonthTonnes.compareTo(thresholds.threeStar()) >= 0) {
            return Tier.THREE_STAR;
        }
        if (latestMonthTonnes.compareTo(thresholds.twoStar()) >= 0) {
            return Tier.TWO_STAR;
        }
        if (latestMonthTonnes.compareTo(thresholds.oneStar()) >= 0) {
            return Tier.ONE_STAR;
        }
        return Tier.ORDINARY;
    }
}
