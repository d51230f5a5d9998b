package org.crmsuite.platform.events;

/** Field names of the outbox kept inside each aggregate document. */
final class Outbox {

    /** Pending events, in the order they were raised. */
    static final String EVENTS = "outbox";
    /** When the relay may next claim this document's events (absent when nothing is pending). Indexed. */
    static final String DUE_AT = "outboxAt";
    /** The relay instance holding the current lease. */
    static final String OWNER = "outboxOwner";

    private Outbox() {
    }
}
