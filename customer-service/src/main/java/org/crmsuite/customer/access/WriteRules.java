package org.crmsuite.customer.access;

import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.identity.Role;

/**
 * Who may change what about a customer (customer-service/README.md has the role × endpoint table). Department-bound
 * roles act only within their own department; DIRECTOR, GM and ADMIN act everywhere.
 */
public final class WriteRules {

    private WriteRules() {
    }

    private static boolean everywhere(Caller caller) {
        return caller.hasAny(Role.ADMIN, Role.GM, Role.DIRECTOR);
    }

    /** Profile, contacts, projects, consents, verification: the owner (SALES), the department's manager, or above. */
    public static boolean mayEdit(Caller caller, String departmentId, String ownerId) {
        return everywhere(caller) || (caller.has(Role.MANAGER) && caller.inDepartment(departmentId))
                || (caller.has(Role.SALES) && caller.inDepartment(departmentId) && caller.id().equals(ownerId));
    }

    /** Category, grade, archive, owner: the department's manager or above (CU-4, CU-6, CU-10). */
    public static boolean mayClassify(Caller caller, String departmentId) {
        return everywhere(caller) || (caller.has(Role.MANAGER) && caller.inDepartment(departmentId));
    }

    /** Volume records, problems, qualification documents, cooperation history: editors and finance. */
    public static boolean mayRecordBusiness(Caller caller, String departmentId, String ownerId) {
        return mayEdit(caller, departmentId, ownerId) || caller.has(Role.FINANCE);
    }

    /** Communication records: editors and the service desk (agents, dispatchers) who take the customer's calls. */
    public static boolean mayRecordCommunication(Caller caller, String departmentId, String ownerId) {
        return mayEdit(caller, departmentId, ownerId) || caller.hasAny(Role.AGENT, Role.DISPATCHER);
    }

    /** CU-7: a manager blacklists within their own department; company-wide entries need DIRECTOR, GM or ADMIN. */
    public static boolean mayBlacklist(Caller caller, boolean companyWide, String departmentId) {
        return everywhere(caller) || (!companyWide && caller.has(Role.MANAGER) && caller.inDepartment(departmentId));
    }

    /** Department reports (stale profiles, reviews due, downgrades due, audit): the manager of it or above. */
    public static boolean mayReport(Caller caller, String departmentId) {
        return everywhere(caller) || (caller.has(Role.MANAGER) && departmentId != null && caller.inDepartment(departmentId));
    }

    public static boolean seesEveryDepartment(Caller caller) {
        return everywhere(caller);
    }
}
