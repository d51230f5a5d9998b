package org.crmsuite.identity.directory;

import org.crmsuite.identity.directory.DepartmentRequests.DepartmentChange;
import org.crmsuite.identity.directory.DepartmentRequests.NewDepartment;
import org.crmsuite.identity.directory.DirectoryViews.DepartmentView;
import org.crmsuite.identity.directory.DirectoryViews.EscalationView;
import org.crmsuite.identity.directory.DirectoryViews.StaffView;
import org.crmsuite.identity.directory.StaffRequests.NewStaff;
import org.crmsuite.identity.directory.StaffRequests.StaffChange;

/** Between the directory's documents and its request and response bodies. */
final class DirectoryMapper {

    private DirectoryMapper() {
    }

    static StaffView view(Person person) {
        if (person == null) {
            return null;
        }
        return new StaffView(person.getId(), person.getUsername(), person.getName(), person.getEmail(),
                person.getPhone(), person.getLocale(), person.getStatus(),
                person.getRoles().stream().sorted().toList(), person.getDepartmentId(), person.getLeftAt(),
                person.getVersion(), person.getCreatedAt(), person.getUpdatedAt());
    }

    static EscalationView view(Escalation escalation) {
        return new EscalationView(view(escalation.person()), view(escalation.manager()), view(escalation.director()));
    }

    static DepartmentView view(Department department) {
        return new DepartmentView(department.getId(), department.getName(), department.getParentId(),
                department.getManagerId(), department.getDirectorId(), department.getVersion(),
                department.getCreatedAt(), department.getUpdatedAt());
    }

    static StaffDetails details(NewStaff request, String defaultLocale) {
        return new StaffDetails(request.username(), request.name(), request.email(), request.phone(),
                request.locale() == null ? defaultLocale : request.locale(),
                request.status() == null ? StaffStatus.ACTIVE : request.status(), request.roles(), request.departmentId());
    }

    static StaffDetails details(StaffChange request) {
        return new StaffDetails(request.username(), request.name(), request.email(), request.phone(), request.locale(),
                request.status(), request.roles(), request.departmentId());
    }

    static DepartmentDetails details(NewDepartment request) {
        return new DepartmentDetails(request.name(), request.parentId(), request.managerId(), request.directorId());
    }

    static DepartmentDetails details(DepartmentChange request) {
        return new DepartmentDetails(request.name(), request.parentId(), request.managerId(), request.directorId());
    }
}
