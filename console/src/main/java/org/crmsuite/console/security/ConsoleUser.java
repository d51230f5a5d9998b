package org.crmsuite.console.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The person signed in, as identity's ID token describes them. Pages use it only to choose what to offer (a
 * dispatcher sees work orders, reception sees the desk); what a person may actually read or change is decided by
 * the services, from the access token the console sends with every call.
 *
 * @param id         staff id ({@code sub})
 * @param name       display name
 * @param username   login name
 * @param roles      role names, e.g. {@code SALES}, {@code MANAGER}
 * @param department department id, or {@code null}
 */
public record ConsoleUser(String id, String name, String username, Set<String> roles, String department) {

    public static ConsoleUser from(OidcUser user) {
        Object claim = user.getClaims().get("roles");
        Set<String> roles = new TreeSet<>();
        if (claim instanceof Collection<?> values) {
            values.forEach(value -> roles.add(String.valueOf(value)));
        }
        String name = user.getFullName() != null ? user.getFullName() : user.getSubject();
        return new ConsoleUser(user.getSubject(), name, user.getPreferredUsername(), Set.copyOf(roles),
                user.getClaimAsString("dept"));
    }

    /** Whether the person has at least one of these roles. */
    public boolean any(String... candidates) {
        return Arrays.stream(candidates).anyMatch(roles::contains);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Managers and above: department-wide views, escalation targets, dashboards. */
    public boolean supervises() {
        return any("MANAGER", "DIRECTOR", "GM", "ADMIN");
    }

    public List<String> sortedRoles() {
        return roles.stream().sorted().toList();
    }
}
