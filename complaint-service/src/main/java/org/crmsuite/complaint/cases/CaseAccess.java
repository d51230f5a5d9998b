package org.crmsuite.complaint.cases;

import java.util.ArrayList;
import java.util.List;

import org.crmsuite.complaint.access.Access;
import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.identity.Role;
import org.crmsuite.platform.web.DomainException;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Who may see and handle which case, from the caller's roles and department (README "Roles and endpoints"):
 * <ul>
 * <li>AGENT — cases assigned to them, and the AGENT-tier cases of their department (the queue they take from);</li>
 * <li>MANAGER — every case of their department; handles AGENT- and MANAGER-tier cases there;</li>
 * <li>DIRECTOR — every DIRECTOR-tier (L3) case, and every case of their department;</li>
 * <li>GM, ADMIN — read everything; SERVICE (other services) — read;</li>
 * <li>PARTNER — only its own filings, in a reduced view.</li>
 * </ul>
 * The department hierarchy lives in identity and is not consulted: a director sees L3 cases of every department.
 */
final class CaseAccess {

    private CaseAccess() {
    }

    static boolean canView(Caller caller, Complaint complaint) {
        if (caller.hasAny(Role.ADMIN, Role.GM, Role.SERVICE)) {
            return true;
        }
        if (caller.has(Role.DIRECTOR) && (complaint.getHandlerTier() == HandlerTier.DIRECTOR
                || caller.inDepartment(complaint.getDepartmentId()))) {
            return true;
        }
        if (caller.has(Role.MANAGER) && caller.inDepartment(complaint.getDepartmentId())) {
            return true;
        }
        if (caller.has(Role.AGENT) && (caller.id().equals(complaint.getHandlerId())
                || (caller.inDepartment(complaint.getDepartmentId()) && complaint.getHandlerTier() == HandlerTier.AGENT))) {
            return true;
        }
        return isOwnFiling(caller, complaint);
    }

    static boolean isOwnFiling(Caller caller, Complaint complaint) {
        return caller.has(Role.PARTNER) && caller.id().equals(complaint.getFiledBy());
    }

    /** Transitions, contacts, waiting: the handler's work. */
    static boolean canHandle(Caller caller, Complaint complaint) {
        if (caller.has(Role.DIRECTOR) && (complaint.getHandlerTier() == HandlerTier.DIRECTOR
                || caller.inDepartment(complaint.getDepartmentId()))) {
            return true;
        }
        if (caller.has(Role.MANAGER) && caller.inDepartment(complaint.getDepartmentId())
                && complaint.getHandlerTier() != HandlerTier.DIRECTOR) {
            return true;
        }
        return caller.has(Role.AGENT) && complaint.getHandlerTier() == HandlerTier.AGENT
                && (caller.id().equals(complaint.getHandlerId())
                        || (complaint.getHandlerId() == null && caller.inDepartment(complaint.getDepartmentId())));
    }

    /** Assigning someone else: managers and directors; an agent may only take an unassigned case of its tier. */
    static boolean canAssign(Caller caller, Complaint complaint, String handlerId) {
        if (caller.hasAny(Role.MANAGER, Role.DIRECTOR) && canHandle(caller, complaint)) {
            return true;
        }
        return caller.has(Role.AGENT) && caller.id().equals(handlerId) && canHandle(caller, complaint);
    }

    /** Reopening a closed case: a manager or director of its department (or any director for L3). */
    static boolean canReopen(Caller caller, Complaint complaint) {
        return caller.hasAny(Role.MANAGER, Role.DIRECTOR) && canHandle(caller, complaint);
    }

    /** The cases a caller may list, as a MongoDB filter; null when nothing at all. */
    static Criteria visible(Caller caller) {
        if (caller.hasAny(Role.ADMIN, Role.GM, Role.SERVICE)) {
            return new Criteria();
        }
        List<Criteria> any = new ArrayList<>();
        String department = caller.department();
        if (caller.has(Role.DIRECTOR)) {
            any.add(Criteria.where("handlerTier").is(HandlerTier.DIRECTOR));
        }
        if (caller.hasAny(Role.DIRECTOR, Role.MANAGER) && department != null) {
            any.add(Criteria.where("departmentId").is(department));
        }
        if (caller.has(Role.AGENT)) {
            any.add(Criteria.where("handlerId").is(caller.id()));
            if (department != null) {
                any.add(Criteria.where("departmentId").is(department).and("handlerTier").is(HandlerTier.AGENT));
            }
        }
        if (caller.has(Role.PARTNER)) {
            any.add(Criteria.where("filedBy").is(caller.id()));
        }
        return any.isEmpty() ? null : new Criteria().orOperator(any);
    }

    static DomainException hidden(String id) {
        return DomainException.notFound("complaint", id);
    }

    static void requireHandler(Caller caller, Complaint complaint) {
        Access.require(canHandle(caller, complaint), "Your role, tier or department does not handle this case ("
                + complaint.getLevel() + ", " + complaint.getHandlerTier() + " tier, department " + complaint.getDepartmentId() + ")");
    }
}
