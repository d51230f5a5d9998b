package org.crmsuite.identity.directory;

import java.time.Instant;
import java.util.List;

import org.crmsuite.platform.identity.Role;
import org.springframework.data.domain.Page;

/** Response bodies of the directory API. A person's password hash is in none of them. */
final class DirectoryViews {

    private DirectoryViews() {
    }

    record StaffView(String id, String username, String name, String email, String phone, String locale,
            StaffStatus status, List<Role> roles, String departmentId, Instant leftAt, Long version, Instant createdAt,
            Instant updatedAt) {
    }

    /** CO-4 tiers for one person; {@code manager} / {@code director} are null when nobody fills the tier. */
    record EscalationView(StaffView person, StaffView manager, StaffView director) {
    }

    record DepartmentView(String id, String name, String parentId, String managerId, String directorId, Long version,
            Instant createdAt, Instant updatedAt) {
    }

    record PageView<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

        static <S, T> PageView<T> of(Page<S> page, java.util.function.Function<S, T> view) {
            return new PageView<>(page.getContent().stream().map(view).toList(), page.getNumber(), page.getSize(),
                    page.getTotalElements(), page.getTotalPages());
        }
    }
}
