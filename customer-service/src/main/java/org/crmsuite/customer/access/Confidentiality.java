package org.crmsuite.customer.access;

import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.identity.Role;

/**
 * CU-3 Confidentiality (保密): who sees a customer's profile, and how much of it.
 * <ul>
 * <li>DIRECTOR, GM, ADMIN: every customer, unmasked;</li>
 * <li>MANAGER: the customers of their own department, unmasked; nobody else's;</li>
 * <li>SALES: the customers they own, unmasked; the rest of their department's, masked; nobody else's;</li>
 * <li>AGENT, DISPATCHER, FINANCE and services (SERVICE tokens): every customer, masked — enough to identify the
 * customer of a complaint, visit or admission;</li>
 * <li>PARTNER and tokens without a staff role: nothing.</li>
 * </ul>
 * A caller with several roles gets the most any of them allows. An unmasked read by someone outside the owning
 * department is audited ({@link #auditable}).
 */
public final class Confidentiality {

    private Confidentiality() {
    }

    public static Access access(Caller caller, String departmentId, String ownerId) {
        if (caller.hasAny(Role.ADMIN, Role.GM, Role.DIRECTOR)) {
            return Access.FULL;
        }
        boolean sameDepartment = caller.inDepartment(departmentId);
        if (caller.has(Role.MANAGER) && sameDepartment) {
            return Access.FULL;
        }
        if (caller.has(Role.SALES) && sameDepartment) {
            return caller.id().equals(ownerId) ? Access.FULL : Access.MASKED;
        }
        if (caller.hasAny(Role.AGENT, Role.DISPATCHER, Role.FINANCE, Role.SERVICE)) {
            return Access.MASKED;
        }
        return Access.NONE;
    }

    /** CU-3: every read of a full profile by a person outside the owning department is audited. */
    public static boolean auditable(Caller caller, Access access, String departmentId) {
        return access == Access.FULL && !caller.inDepartment(departmentId);
    }

    /**
     * The department a caller's searches are limited to, or {@code null} when they may search every department:
     * SALES and MANAGER see their own department only, unless another role of theirs sees more.
     */
    public static String searchDepartment(Caller caller) {
        if (caller.hasAny(Role.ADMIN, Role.GM, Role.DIRECTOR, Role.AGENT, Role.DISPATCHER, Role.FINANCE, Role.SERVICE)) {
            return null;
        }
        return caller.department() == null ? "\u0000no-department" : caller.department();
    }

    public static boolean mayRead(Caller caller) {
        return caller.hasAny(Role.ADMIN, Role.GM, Role.DIRECTOR, Role.MANAGER, Role.SALES, Role.AGENT, Role.DISPATCHER,
                Role.FINANCE, Role.SERVICE);
    }
}
