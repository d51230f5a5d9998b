package org.crmsuite.visit.plans;

/** A plan is open while PLANNED; a visit record COMPLETES it (VI-3); CANCELLED plans stay as history. */
public enum PlanStatus {
    PLANNED, COMPLETED, CANCELLED
}
