package org.crmsuite.customer.profile;

/**
 * CU-4 grade: VIP, preferred (优选), qualified (合格). The priority is CU-9's order of service (四优先): VIP first,
 * then preferred, then qualified; other services order their queues by it.
 */
public enum Grade {
    VIP(1), PREFERRED(2), QUALIFIED(3);

    private final int priority;

    Grade(int priority) {
        this.priority = priority;
    }

    public int priority() {
        return priority;
    }

    /** True when this grade ranks above {@code other}: a move from {@code other} to this is a promotion. */
    public boolean isAbove(Grade other) {
        return other == null || priority < other.priority;
    }
}
