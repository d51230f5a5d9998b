package org.crmsuite.notification.staff;

/**
 * Identity did not answer (down, slow, breaker open): the recipients are resolved again later.
 * {@link #breakerOpen()} tells the two cases apart: a call that was tried and failed counts against the notification
 * being resolved, while an open circuit breaker was not a try at all — identity is known to be away, and nothing
 * should be resolved until the breaker lets calls through again.
 */
public class DirectoryUnavailableException extends RuntimeException {

    private final boolean breakerOpen;

    public DirectoryUnavailableException(String message, boolean breakerOpen) {
        super(message);
        this.breakerOpen = breakerOpen;
    }

    /** The circuit breaker refused the call: identity was not asked. */
    public boolean breakerOpen() {
        return breakerOpen;
    }
}
