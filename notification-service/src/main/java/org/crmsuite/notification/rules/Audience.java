package org.crmsuite.notification.rules;

import java.util.List;

import org.crmsuite.notification.events.NotifiableEvent;

/**
 * Whom a rule notifies (NO-1 customers, NO-2 staff). Staff audiences name the data field holding the person's id, or
 * are looked up in identity's directory from the event's department or handler.
 */
public enum Audience {
    /** NO-1: the customer's contact from the event (contactName/contactPhone/contactEmail) or the contact book. */
    CUSTOMER_CONTACT(false, null),
    HANDLER(true, "handlerId"),
    ASSIGNEE(true, "assigneeId"),
    DISPATCHER(true, "dispatcherId"),
    /** The customer's owner; on an owner change the new one ({@code toOwnerId}). */
    OWNER(true, "ownerId"),
    /** The sales rep a walk-in was assigned to; on a reassignment the new one ({@code toRepId}). */
    REP(true, "repId"),
    /** The person who referred a customer (SA-6). */
    REFERRER(true, "referrerId"),
    /** The department's manager (identity: nearest manager up the tree). */
    DEPARTMENT_MANAGER(true, null),
    /** The department's director (identity: nearest director up the tree). */
    DEPARTMENT_DIRECTOR(true, null),
    /** CO-4 next tier: for an escalation the tier of the new level, otherwise the handler's manager. */
    NEXT_TIER(true, null);

    private final boolean staff;
    private final String idField;

    Audience(boolean staff, String idField) {
        this.staff = staff;
        this.idField = idField;
    }

    public boolean staff() {
        return staff;
    }

    public String idField() {
        return idField;
    }

    /** Whether events of this type carry what it takes to find this audience; null when they do, else why not. */
    public String unsupportedBy(NotifiableEvent event) {
        List<String> fields = event.fields();
        return switch (this) {
            case CUSTOMER_CONTACT -> fields.contains("customerId") || fields.contains("contactPhone") ? null
                    : "its data names no customer";
            case OWNER -> fields.contains("ownerId") || fields.contains("toOwnerId") ? null : "its data has no ownerId";
            case REP -> fields.contains("repId") || fields.contains("toRepId") ? null : "its data has no repId";
            case DEPARTMENT_MANAGER, DEPARTMENT_DIRECTOR -> fields.contains("departmentId") ? null : "its data has no departmentId";
            case NEXT_TIER -> fields.contains("handlerId") || fields.contains("toLevel") ? null : "its data names no handler or level";
            default -> fields.contains(idField) ? null : "its data has no " + idField;
        };
    }
}
