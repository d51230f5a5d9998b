package org.crmsuite.visit.access;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.identity.Role;
import org.crmsuite.platform.web.DomainException;
import org.springframework.http.HttpStatus;

/**
 * Who may see and do what with visits (docs/security.md, "visit-service"). Refusals are 403 {@code access.denied} with
 * a reason.
 * <ul>
 * <li>ADMIN, GM, DIRECTOR: every customer's plans, records, reports and surveys.</li>
 * <li>MANAGER: those of customers of their own department.</li>
 * <li>SALES, AGENT (the staff who own customers or handle complaints): those of customers they own, and plans assigned
 * to them (a complaint revisit goes to the complaint's handler, VI-6).</li>
 * <li>FINANCE, DISPATCHER, PARTNER: nothing here (visits are account management).</li>
 * <li>SERVICE (another service's token): reads only.</li>
 * </ul>
 */
public final class Access {

    /** Roles held by people of the organisation (not partner systems, not services). */
    public static final Set<Role> STAFF = EnumSet.of(Role.ADMIN, Role.MANAGER, Role.DIRECTOR, Role.SALES, Role.AGENT,
            Role.DISPATCHER, Role.FINANCE, Role.GM);

    private Access() {
    }

    public static boolean isStaff(Caller caller) {
        return caller.roles().stream().anyMatch(STAFF::contains);
    }

    public static void requireStaff(Caller caller) {
        require(isStaff(caller), "Only staff may do this");
    }

    /** ADMIN, GM, DIRECTOR: the whole organisation. */
    public static boolean seesAll(Caller caller) {
        return caller.hasAny(Role.ADMIN, Role.GM, Role.DIRECTOR);
    }

    /** May act on visits of a customer of {@code departmentId} owned by (or assigned to) one of {@code owners}. */
    public static boolean mayAct(Caller caller, String departmentId, String... owners) {
        if (seesAll(caller)) {
            return true;
        }
        if (caller.has(Role.MANAGER) && caller.inDepartment(departmentId)) {
            return true;
        }
        return caller.hasAny(Role.SALES, Role.AGENT, Role.MANAGER)
                && Arrays.stream(owners).filter(Objects::nonNull).anyMatch(caller.id()::equals);
    }

    /** {@link #mayAct}, or a service reading. */
    public static boolean maySee(Caller caller, String departmentId, String... owners) {
        return caller.has(Role.SERVICE) || mayAct(caller, departmentId, owners);
    }

    /** May read lists at all (each list is then narrowed by {@link Scope}). */
    public static boolean mayList(Caller caller) {
        return caller.hasAny(Role.ADMIN, Role.GM, Role.DIRECTOR, Role.MANAGER, Role.SALES, Role.AGENT, Role.SERVICE);
    }

    public static void require(boolean allowed, String reason) {
        if (!allowed) {
            throw denied(reason);
        }
    }

    public static DomainException denied(String reason) {
        return new DomainException(HttpStatus.FORBIDDEN, "access.denied", reason);
    }

    /**
     * The part of the organisation a caller's list shows: everything, one department, or one owner's. A filter the
     * caller asks for is applied within it; asking for more than the scope is 403.
     */
    public record Scope(String departmentId, String ownerId) {

        public static Scope of(Caller caller, String requestedDepartment, String requestedOwner) {
            require(mayList(caller), "Your role does not see visits");
            if (seesAll(caller) || caller.has(Role.SERVICE)) {
                return new Scope(requestedDepartment, requestedOwner);
            }
            if (caller.has(Role.MANAGER)) {
                require(requestedDepartment == null || caller.inDepartment(requestedDepartment),
                        "A manager sees the visits of their own department only");
                return new Scope(caller.department(), requestedOwner);
            }
            require(requestedOwner == null || requestedOwner.equals(caller.id()),
                    "You see the visits of your own customers only");
            return new Scope(requestedDepartment, caller.id());
        }
    }
}
