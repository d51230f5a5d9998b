package org.crmsuite.customer.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.identity.Role;
import org.junit.jupiter.api.Test;

/** CU-3 as a table: who sees how much of a customer of department "east" owned by "s1". */
class ConfidentialityRulesTest {

    static Access access(String id, String department, Role... roles) {
        return Confidentiality.access(new Caller(id, Set.of(roles), department), "east", "s1");
    }

    @Test
    void accessByRoleAndDepartment_CU3() {
        assertThat(access("s1", "east", Role.SALES)).isEqualTo(Access.FULL);
        assertThat(access("s2", "east", Role.SALES)).isEqualTo(Access.MASKED);
        assertThat(access("s3", "west", Role.SALES)).isEqualTo(Access.NONE);
        assertThat(access("m", "east", Role.MANAGER)).isEqualTo(Access.FULL);
        assertThat(access("m", "west", Role.MANAGER)).isEqualTo(Access.NONE);
        assertThat(access("d", "company", Role.DIRECTOR)).isEqualTo(Access.FULL);
        assertThat(access("g", "company", Role.GM)).isEqualTo(Access.FULL);
        assertThat(access("a", "company", Role.ADMIN)).isEqualTo(Access.FULL);
        assertThat(access("ag", "service", Role.AGENT)).isEqualTo(Access.MASKED);
        assertThat(access("f", "company", Role.FINANCE)).isEqualTo(Access.MASKED);
        assertThat(access("svc", null, Role.SERVICE)).isEqualTo(Access.MASKED);
        assertThat(access("p", null, Role.PARTNER)).isEqualTo(Access.NONE);
        assertThat(access("m2", "west", Role.MANAGER, Role.AGENT)).isEqualTo(Access.MASKED);
    }

    @Test
    void onlyUnmaskedReadsFromOutsideTheDepartmentAreAudited_CU3() {
        Caller director = new Caller("d", Set.of(Role.DIRECTOR), "company");
        Caller manager = new Caller("m", Set.of(Role.MANAGER), "east");
        assertThat(Confidentiality.auditable(director, Access.FULL, "east")).isTrue();
        assertThat(Confidentiality.auditable(manager, Access.FULL, "east")).isFalse();
        assertThat(Confidentiality.auditable(director, Access.MASKED, "east")).isFalse();
    }

    @Test
    void maskingKeepsEnoughToRecognise_CU3() {
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.phone("12345")).isEqualTo("*****");
        assertThat(Masking.email("zhang.wei@example.com")).isEqualTo("z***@example.com");
        assertThat(Masking.idNumber("310101199001011234")).isEqualTo("3101**********1234");
        assertThat(Masking.phone(null)).isNull();
    }
}
