package org.crmsuite.complaint.access;

import java.util.EnumSet;
import java.util.Set;

import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.identity.Role;
import org.crmsuite.platform.web.DomainException;
import org.springframework.http.HttpStatus;

/** The checks every feature's authorisation is built from; refusals are 403 {@code access.denied} with a reason. */
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

    public static void require(boolean allowed, String reason) {
        if (!allowed) {
            throw denied(reason);
        }
    }

    public static DomainException denied(String reason) {
        return new DomainException(HttpStatus.FORBIDDEN, "access.denied", reason);
    }
}
