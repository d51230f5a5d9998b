package org.crmsuite.sales.access;

import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.identity.Role;

/**
 * Who may do what at the reception desk (docs/security.md, "sales-service"): sales reps act for themselves in their
 * own department; the MANAGER of the office's department runs the rota, confirms registrations, decides disputes and
 * overrides commission; FINANCE alone records money received (SA-9); ADMIN changes the policy; DIRECTOR and GM read.
 */
public final class SalesAccess {

    private SalesAccess() {
    }

    public static boolean isStaff(Caller caller) {
        return caller.hasAny(Role.ADMIN, Role.GM, Role.DIRECTOR, Role.MANAGER, Role.SALES, Role.AGENT, Role.DISPATCHER,
                Role.FINANCE, Role.SERVICE);
    }

    public static void requireStaff(Caller caller) {
        Forbidden.unless(isStaff(caller), "Only staff and services use the reception desk");
    }

    public static boolean isManagerOf(Caller caller, String departmentId) {
        return caller.has(Role.MANAGER) && caller.inDepartment(departmentId);
    }

    public static void requireManagerOf(Caller caller, String departmentId, String what) {
        Forbidden.unless(isManagerOf(caller, departmentId), "Only the manager of " + departmentId + " " + what);
    }

    public static boolean isSalesOf(Caller caller, String departmentId) {
        return caller.has(Role.SALES) && caller.inDepartment(departmentId);
    }

    /** Reads across the whole office: its manager, and the company-wide roles. */
    public static boolean readsOffice(Caller caller, String departmentId) {
        return isManagerOf(caller, departmentId) || caller.hasAny(Role.ADMIN, Role.GM, Role.DIRECTOR, Role.SERVICE);
    }

    /** The office's front line: its sales reps and its manager. */
    public static void requireFrontDesk(Caller caller, String departmentId) {
        Forbidden.unless(isSalesOf(caller, departmentId) || isManagerOf(caller, departmentId),
                "Only the sales reps and the manager of " + departmentId + " receive visitors");
    }
}
