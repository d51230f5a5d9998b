package org.crmsuite.complaint.cases;

/** The deadlines a case runs against. */
public enum DeadlineKind {
    /** CO-3: contact the customer within 1 business hour; met when the case is acknowledged. */
    ACKNOWLEDGE,
    /** CO-3: the first-line acceptor takes the case within 1 business day; met when it is accepted. */
    ACCEPT,
    /** CO-5: resolved within the level's business days; met when the solution is replied to the customer. */
    RESOLVE
}
