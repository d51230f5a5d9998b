package org.crmsuite.complaint.cases;

/**
 * Whether the complaint's customer was checked with customer-service. A complaint is never refused or lost because
 * that check failed: it is accepted as {@link #UNVERIFIED} and checked again by the verification job.
 */
public enum CustomerVerification {
    /** customer-service answered: the snapshot (name, grade, owner, department) is on the case. */
    VERIFIED,
    /** customer-service was down or slow; the job checks again. */
    UNVERIFIED,
    /** customer-service knows no customer with this id. */
    NOT_FOUND,
    /** No customer id: a consumer or franchisee identified by a contact (CO-2). */
    NOT_APPLICABLE
}
