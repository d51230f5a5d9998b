package org.crmsuite.identity.directory;

import org.bson.types.ObjectId;
import org.crmsuite.platform.events.AggregateRoot;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A department in the company tree. Its manager handles L2 complaints and its director L3 (CO-4); a department
 * without a director of its own answers to its parent's (see {@link HandlerTiers}).
 */
@Document("departments")
public class Department extends AggregateRoot {

    private String name;
    @Indexed
    private String parentId;
    private String managerId;
    private String directorId;
    @Indexed(unique = true, sparse = true)
    private String creationKey;

    protected Department() {
    }

    static Department open(DepartmentDetails details, String creationKey) {
        Department department = new Department();
        department.setId(new ObjectId().toHexString());
        department.creationKey = creationKey;
        department.revise(details);
        return department;
    }

    /** The demo directory uses readable ids, so the documentation can name them. */
    static Department open(String id, DepartmentDetails details) {
        Department department = open(details, null);
        department.setId(id);
        return department;
    }

    void revise(DepartmentDetails details) {
        name = details.name().strip();
        parentId = blankToNull(details.parentId());
        managerId = blankToNull(details.managerId());
        directorId = blankToNull(details.directorId());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getName() {
        return name;
    }

    public String getParentId() {
        return parentId;
    }

    public String getManagerId() {
        return managerId;
    }

    public String getDirectorId() {
        return directorId;
    }

    String getCreationKey() {
        return creationKey;
    }
}
