package org.crmsuite.visit.plans;

/** Why a visit is planned. */
public enum PlanKind {
    /** VI-1 / VI-2: from the cadence policy. */
    CADENCE,
    /** VI-6: a revisit after a complaint was closed (CO-8), for the complaint's handler. */
    REVISIT,
    /** VI-6 / CU-10: the new owner's return visit within 3 business days. */
    OWNER_CHANGE,
    /** Planned by a person. */
    MANUAL
}
