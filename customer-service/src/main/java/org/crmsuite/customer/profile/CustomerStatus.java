package org.crmsuite.customer.profile;

/** Whether business may be done: SUSPENDED while a qualification document is expired (CU-8); ARCHIVED for good. */
public enum CustomerStatus {
    ACTIVE, SUSPENDED, ARCHIVED
}
