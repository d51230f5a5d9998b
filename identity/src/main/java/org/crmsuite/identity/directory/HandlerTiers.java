package org.crmsuite.identity.directory;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * CO-4 handler tiers: an L1 complaint stays with the agent, L2 goes to the department manager, L3 to the director.
 * <p>
 * A tier is filled by the nearest department up the tree that names someone for it: a department without a director
 * of its own answers to its parent's director (and likewise for a missing manager). Someone who has left does not
 * fill a tier, and nobody is their own next tier: a manager's complaint escalates to the manager above them.
 */
final class HandlerTiers {

    /** Deeper than any real company; guards against a cycle that slipped into stored data. */
    private static final int MAX_DEPTH = 32;

    private final Function<String, Optional<Department>> departments;
    private final Predicate<String> canHandle;

    /**
     * @param departments finds a department by id
     * @param canHandle whether the person with this id can take a case (exists and has not left)
     */
    HandlerTiers(Function<String, Optional<Department>> departments, Predicate<String> canHandle) {
        this.departments = departments;
        this.canHandle = canHandle;
    }

    Optional<String> manager(String departmentId, String excluding) {
        return nearest(departmentId, excluding, Department::getManagerId);
    }

    Optional<String> director(String departmentId, String excluding) {
        return nearest(departmentId, excluding, Department::getDirectorId);
    }

    private Optional<String> nearest(String departmentId, String excluding, Function<Department, String> tier) {
        Set<String> seen = new HashSet<>();
        String next = departmentId;
        while (next != null && seen.add(next) && seen.size() <= MAX_DEPTH) {
            Optional<Department> department = departments.apply(next);
            if (department.isEmpty()) {
                return Optional.empty();
            }
            String candidate = tier.apply(department.get());
            if (candidate != null && !candidate.equals(excluding) && canHandle.test(candidate)) {
                return Optional.of(candidate);
            }
            next = department.get().getParentId();
        }
        return Optional.empty();
    }
}
