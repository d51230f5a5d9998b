package org.crmsuite.platform.identity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Reads the {@link Caller} from the validated JWT of the current request. */
public final class CallerResolver {

    public static final String ROLES_CLAIM = "roles";
    public static final String DEPARTMENT_CLAIM = "dept";

    private CallerResolver() {
    }

    public static Caller current() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Caller from(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken token) {
            return from(token.getToken());
        }
        return Caller.ANONYMOUS;
    }

    public static Caller from(Jwt jwt) {
        return new Caller(jwt.getSubject(), roles(jwt.getClaim(ROLES_CLAIM)), jwt.getClaimAsString(DEPARTMENT_CLAIM));
    }

    /** Unknown role names are ignored rather than trusted: a token can only grant roles the suite knows. */
    static Set<Role> roles(Object claim) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (claim instanceof Collection<?> values) {
            for (Object value : values) {
                add(roles, String.valueOf(value));
            }
        } else if (claim instanceof String text) {
            for (String value : text.split("[ ,]+")) {
                add(roles, value);
            }
        }
        return roles;
    }

    private static void add(Set<Role> roles, String name) {
        String normalised = name.trim().toUpperCase(Locale.ROOT);
        if (normalised.startsWith("ROLE_")) {
            normalised = normalised.substring(5);
        }
        for (Role role : Role.values()) {
            if (role.name().equals(normalised)) {
                roles.add(role);
            }
        }
    }
}
