package org.crmsuite.identity.directory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of {@code /api/v1/departments}. */
final class DepartmentRequests {

    private DepartmentRequests() {
    }

    /** {@code POST /api/v1/departments}: without a parent it is a root (the company). */
    record NewDepartment(@NotBlank @Size(max = 100) String name, String parentId, String managerId, String directorId) {
    }

    /** {@code PUT /api/v1/departments/{id}}: the whole editable record, as of {@code version}. */
    record DepartmentChange(@NotBlank @Size(max = 100) String name, String parentId, String managerId,
            String directorId, @NotNull Long version) {
    }
}
