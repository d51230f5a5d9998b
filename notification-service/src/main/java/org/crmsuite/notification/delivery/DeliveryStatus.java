package org.crmsuite.notification.delivery;

/** Where a delivery stands. */
public enum DeliveryStatus {
    /** Due at {@code nextAttemptAt}. */
    PENDING,
    /** A webhook whose subscription is paused: sent again once the partner resumes it (NO-3). */
    HELD,
    /** Waiting for the recipient's daily digest (NO-2). */
    DIGEST,
    SENT,
    /** Went out inside a digest. */
    DIGESTED,
    /** Gave up after the last retry, or refused for good (410, no template). */
    FAILED,
    /** Not sent on purpose: opted out, no address. */
    SKIPPED
}
