package org.crmsuite.identity.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** CO-4: who fills the manager and director tiers for a department, walking up the tree. */
class HandlerTiersTest {

    final Map<String, Department> departments = new HashMap<>();
    final Set<String> left = new java.util.HashSet<>();
    final HandlerTiers tiers = new HandlerTiers(id -> Optional.ofNullable(departments.get(id)), id -> !left.contains(id));

    @Test
    void departmentWithoutDirectorInheritsItsParentsDirector() {
        add("company", null, "gm", "director");
        add("service", "company", "service-manager", null);

        assertThat(tiers.director("service", null)).hasValue("director");
        assertThat(tiers.manager("service", null)).hasValue("service-manager");
    }

    @Test
    void ownDirectorComesBeforeTheParents() {
        add("company", null, "gm", "director");
        add("sales", "company", "sales-manager", "sales-director");

        assertThat(tiers.director("sales", null)).hasValue("sales-director");
    }

    @Test
    void inheritanceReachesAcrossSeveralLevels() {
        add("company", null, null, "director");
        add("region", "company", null, null);
        add("branch", "region", "branch-manager", null);

        assertThat(tiers.director("branch", null)).hasValue("director");
    }

    @Test
    void nobodyIsTheirOwnNextTier() {
        add("company", null, "gm", "director");
        add("service", "company", "service-manager", null);

        assertThat(tiers.manager("service", "service-manager")).hasValue("gm");
        assertThat(tiers.director("company", "director")).isEmpty();
    }

    @Test
    void someoneWhoLeftDoesNotFillATier() {
        add("company", null, "gm", "director");
        add("service", "company", "service-manager", "service-director");
        left.add("service-manager");
        left.add("service-director");

        assertThat(tiers.manager("service", null)).hasValue("gm");
        assertThat(tiers.director("service", null)).hasValue("director");
    }

    @Test
    void cycleInStoredDataEndsTheWalk() {
        add("a", "b", null, null);
        add("b", "a", null, null);

        assertThat(tiers.director("a", null)).isEmpty();
    }

    private void add(String id, String parentId, String managerId, String directorId) {
        departments.put(id, Department.open(id, new DepartmentDetails(id, parentId, managerId, directorId)));
    }
}
