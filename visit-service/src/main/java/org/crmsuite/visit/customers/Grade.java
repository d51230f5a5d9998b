package org.crmsuite.visit.customers;

/** CU-4 grade with its CU-9 priority (四优先): visit schedules are ordered VIP, then preferred, then qualified. */
public enum Grade {
    VIP(1), PREFERRED(2), QUALIFIED(3);

    private final int priority;

    Grade(int priority) {
        this.priority = priority;
    }

    public int priority() {
        return priority;
    }

    /** The CU-9 rank of a customer whose grade is unknown (partial view): after every graded customer. */
    public static int priorityOf(Grade grade) {
        return grade == null ? 9 : grade.priority;
    }
}
