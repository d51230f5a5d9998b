package org.crmsuite.sales.units;

/** SA-9 销控: where a unit stands. Only {@code AVAILABLE} can be locked; everything else belongs to one deposit. */
public enum UnitStatus {
    AVAILABLE, SMALL_DEPOSIT, LARGE_DEPOSIT, SUBSCRIBED, CONTRACTED
}
