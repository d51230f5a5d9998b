package org.crmsuite.identity.directory;

import java.util.Set;

import org.crmsuite.platform.identity.Role;

/** What an administrator decides about a person; the directory normalises it (lower-case username and email). */
public record StaffDetails(String username, String name, String email, String phone, String locale, StaffStatus status,
        Set<Role> roles, String departmentId) {

    public StaffDetails {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}
