package org.crmsuite.notification.staff;

/** Identity did not answer (down, slow, breaker open): the recipients are resolved again later. */
public class DirectoryUnavailableException extends RuntimeException {

    public DirectoryUnavailableException(String message) {
        super(message);
    }
}
