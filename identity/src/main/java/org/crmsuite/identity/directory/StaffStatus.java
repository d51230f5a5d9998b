package org.crmsuite.identity.directory;

/** Where a person stands with the company. Staff who have {@link #LEFT} cannot log in and hand over their work. */
public enum StaffStatus {
    ACTIVE, ON_LEAVE, LEFT
}
