package org.crmsuite.platform.identity;

import java.util.Arrays;
import java.util.Set;

/**
 * Who is calling, as the gateway-validated JWT says: {@code sub}, {@code roles}, {@code dept}.
 * Services authorise from this and from nothing else a client could send.
 */
public record Caller(String id, Set<Role> roles, String department) {

    public static final Caller ANONYMOUS = new Caller("anonymous", Set.of(), null);

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        return Arrays.stream(wanted).anyMatch(roles::contains);
    }

    public boolean inDepartment(String dept) {
        return department != null && department.equals(dept);
    }

    public boolean isAnonymous() {
        return this == ANONYMOUS || "anonymous".equals(id);
    }
}
