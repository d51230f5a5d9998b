package org.crmsuite.customer.classification;

import java.time.Instant;
import java.time.ZoneId;

/**
 * CU-6 periodic review: a customer's grade is re-evaluated every {@code reviewPeriodMonths} (6, policy) calendar
 * months after the last review or its creation.
 */
public final class ReviewSchedule {

    private ReviewSchedule() {
    }

    public static Instant next(Instant from, int reviewPeriodMonths, ZoneId zone) {
        return from.atZone(zone).plusMonths(reviewPeriodMonths).toInstant();
    }
}
