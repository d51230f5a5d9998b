package org.crmsuite.visit.plans;

/** The two cadences of VI-1: the account manager's regular visits and senior management's yearly visit to A-class partners. */
public enum Track {
    REGULAR, SENIOR_MANAGEMENT
}
