package org.crmsuite.complaint.cases;

import java.util.Locale;

/**
 * CU-9 priority rights (四优先): VIP first, then preferred, then qualified; a customer whose grade is unknown
 * (unverified, not a registered customer) comes last. Queues sort by {@link #rankOf}.
 */
public enum CustomerGrade {
    VIP, PREFERRED, QUALIFIED;

    public static final int UNKNOWN_RANK = 3;

    /** Reads customer-service's grade; anything it does not know is "unknown" rather than a failure. */
    public static CustomerGrade parse(String grade) {
        if (grade == null) {
            return null;
        }
        try {
            return valueOf(grade.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static int rankOf(CustomerGrade grade) {
        return grade == null ? UNKNOWN_RANK : grade.ordinal();
    }
}
