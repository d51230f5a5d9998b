package org.crmsuite.sales.deposits;

import org.crmsuite.sales.units.UnitStatus;

/** SA-9: small deposit (小定), large deposit (大定), subscription (认购书), contract; or cancelled. Forward only. */
public enum DealStage {
    SMALL_DEPOSIT(UnitStatus.SMALL_DEPOSIT),
    LARGE_DEPOSIT(UnitStatus.LARGE_DEPOSIT),
    SUBSCRIPTION(UnitStatus.SUBSCRIBED),
    CONTRACT(UnitStatus.CONTRACTED),
    CANCELLED(UnitStatus.AVAILABLE);

    private final UnitStatus unitStatus;

    DealStage(UnitStatus unitStatus) {
        this.unitStatus = unitStatus;
    }

    public UnitStatus unitStatus() {
        return unitStatus;
    }

    boolean active() {
        return this != CANCELLED && this != CONTRACT;
    }
}
