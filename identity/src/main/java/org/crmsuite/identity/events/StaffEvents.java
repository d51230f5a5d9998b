package org.crmsuite.identity.events;

import java.time.Instant;
import java.util.List;

import org.crmsuite.platform.events.EventType;

/**
 * The events identity publishes about staff (docs/identity.md, "Events"). Each is stored in the person's outbox
 * together with the change that raised it.
 */
public final class StaffEvents {

    /**
     * A person left the company: customer-service (CU-10) and sales-service (SA-8) redistribute what they owned
     * among the remaining staff of {@code departmentId}, the department they left from.
     */
    public static final EventType LEFT = new EventType("crm.staff.left.v1", "identity.staff.left");

    /** Anything else about a person changed (or they joined): for services that keep a local copy of the staff. */
    public static final EventType CHANGED = new EventType("crm.staff.changed.v1", "identity.staff.changed");

    private StaffEvents() {
    }

    /** {@code data} of {@link #LEFT}. */
    public record StaffLeft(String staffId, String departmentId, List<String> roles, Instant leftAt) {
    }

    /** {@code data} of {@link #CHANGED}: the person as they are now (never their password). */
    public record StaffChanged(String staffId, String username, String name, String email, String phone, String locale,
            String status, List<String> roles, String departmentId) {
    }
}
