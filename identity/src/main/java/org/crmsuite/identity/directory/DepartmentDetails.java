package org.crmsuite.identity.directory;

/** What an administrator decides about a department: its name, where it hangs in the tree, who leads it. */
public record DepartmentDetails(String name, String parentId, String managerId, String directorId) {
}
