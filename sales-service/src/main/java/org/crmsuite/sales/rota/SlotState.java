package org.crmsuite.sales.rota;

/** Where a rep on the day's rota is (SA-2 distinguishes the kinds of absence). */
public enum SlotState {
    /** Present and taking turns. */
    ON_DUTY,
    /** Absent without reason: loses every turn that comes while away. */
    ABSENT,
    /** Out on the manager's errand: turns pass by; a priority slot on return. */
    ERRAND,
    /** Away on company business: each turn that passes is owed back on return (up to the policy's cap). */
    BUSINESS_TRIP,
    /** Left the company (SA-8) or taken off the rota for the day. */
    OFF
}
