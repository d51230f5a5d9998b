package org.crmsuite.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class CallerResolverTest {

    @Test
    void readsSubRolesAndDepartmentFromTheToken() {
        Jwt jwt = token().claim("roles", List.of("MANAGER", "SALES")).claim("dept", "d-east").build();
        Caller caller = CallerResolver.from(jwt);
        assertThat(caller.id()).isEqualTo("staff-7");
        assertThat(caller.roles()).containsExactlyInAnyOrder(Role.MANAGER, Role.SALES);
        assertThat(caller.department()).isEqualTo("d-east");
        assertThat(caller.inDepartment("d-east")).isTrue();
        assertThat(caller.inDepartment("d-west")).isFalse();
    }

    @Test
    void unknownRolesGrantNothing() {
        Jwt jwt = token().claim("roles", List.of("SUPERUSER", "role_agent", "ROOT")).build();
        assertThat(CallerResolver.from(jwt).roles()).containsExactly(Role.AGENT);
    }

    @Test
    void spaceSeparatedRolesAreAccepted() {
        Jwt jwt = token().claim("roles", "GM FINANCE").build();
        assertThat(CallerResolver.from(jwt).roles()).containsExactlyInAnyOrder(Role.GM, Role.FINANCE);
    }

    @Test
    void withoutAuthenticationTheCallerIsAnonymous() {
        assertThat(CallerResolver.from((org.springframework.security.core.Authentication) null).isAnonymous()).isTrue();
    }

    private static Jwt.Builder token() {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("staff-7").issuedAt(Instant.parse("2026-11-23T01:00:00Z"))
                .expiresAt(Instant.parse("2026-11-23T02:00:00Z"));
    }
}
