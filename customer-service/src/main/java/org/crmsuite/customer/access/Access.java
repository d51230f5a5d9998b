package org.crmsuite.customer.access;

/** How much of one customer's profile a caller may see (CU-3). */
public enum Access {
    /** Not at all: 403. */
    NONE,
    /** The profile with phones, e-mail addresses and id numbers masked. */
    MASKED,
    /** Everything, unmasked. */
    FULL;

    public boolean atLeast(Access other) {
        return compareTo(other) >= 0;
    }
}
