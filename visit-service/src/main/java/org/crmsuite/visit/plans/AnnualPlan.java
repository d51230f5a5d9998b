package org.crmsuite.visit.plans;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * VI-2 the annual communication plan per customer: the dates a cadence asks for, from an anchor to the horizon.
 * <ul>
 * <li>From scratch (a new customer, or plans regenerated after a change): the first visit is one interval after the
 * anchor — the last visit, or today when there was none — even when that is already past (then it is overdue at once,
 * VI-7); the following ones are counted on from the later of that date and today.</li>
 * <li>Extending (the rolling plan): after the latest planned date, one interval at a time up to the horizon.</li>
 * </ul>
 * Dates are nominal; the plan falls due on the working day on or before each.
 */
public final class AnnualPlan {

    private AnnualPlan() {
    }

    public static List<LocalDate> fromScratch(LocalDate anchor, LocalDate today, int months, LocalDate horizonEnd) {
        List<LocalDate> dates = new ArrayList<>();
        LocalDate first = anchor.plusMonths(months);
        dates.add(first);
        dates.addAll(after(first, today, months, horizonEnd));
        return dates;
    }

    public static List<LocalDate> after(LocalDate last, LocalDate today, int months, LocalDate horizonEnd) {
        List<LocalDate> dates = new ArrayList<>();
        LocalDate base = last.isBefore(today) ? today : last;
        for (int k = 1; k <= 240; k++) {
            LocalDate next = base.plusMonths((long) months * k);
            if (next.isAfter(horizonEnd)) {
                break;
            }
            dates.add(next);
        }
        return dates;
    }
}
