package org.crmsuite.notification.access;

import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.identity.Role;
import org.crmsuite.platform.web.DomainException;
import org.springframework.http.HttpStatus;

/** Who may do what here (docs/security.md, "notification-service"): decided from the caller's token only. */
public final class Access {

    private Access() {
    }

    public static DomainException denied(String detail) {
        return new DomainException(HttpStatus.FORBIDDEN, "access.denied", detail);
    }

    public static void requireAdmin(Caller caller) {
        if (!caller.has(Role.ADMIN)) {
            throw denied("Administrators only");
        }
    }

    /** Staff with a personal inbox: every person role, never a partner or a service. */
    public static void requireStaff(Caller caller) {
        if (caller.isAnonymous() || caller.roles().isEmpty() || caller.hasAny(Role.PARTNER, Role.SERVICE)
                && !caller.hasAny(Role.ADMIN, Role.MANAGER, Role.DIRECTOR, Role.SALES, Role.AGENT, Role.DISPATCHER,
                        Role.FINANCE, Role.GM)) {
            throw denied("Staff only");
        }
    }

    /** Reads of rules, templates and the policy: management and administrators. */
    public static void requireManagement(Caller caller) {
        if (!caller.hasAny(Role.ADMIN, Role.GM, Role.DIRECTOR, Role.MANAGER)) {
            throw denied("Managers and administrators only");
        }
    }

    /** Customer preferences (care opt-out): the staff who deal with customers. */
    public static void requireCustomerStaff(Caller caller) {
        if (!caller.hasAny(Role.ADMIN, Role.GM, Role.DIRECTOR, Role.MANAGER, Role.SALES, Role.AGENT)) {
            throw denied("Customer-facing staff only");
        }
    }

    /** Subscriptions: partners (their own) and administrators (all). */
    public static void requirePartnerOrAdmin(Caller caller) {
        if (!caller.hasAny(Role.PARTNER, Role.ADMIN)) {
            throw denied("Partners and administrators only");
        }
    }

    public static void requireOwnerOrAdmin(Caller caller, String ownerId) {
        if (!caller.has(Role.ADMIN) && !caller.id().equals(ownerId)) {
            throw denied("Only the partner who owns it (or an administrator)");
        }
    }
}
