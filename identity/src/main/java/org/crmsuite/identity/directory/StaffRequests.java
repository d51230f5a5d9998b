package org.crmsuite.identity.directory;

import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.crmsuite.platform.identity.Role;

/** Request bodies of {@code /api/v1/staff}. */
final class StaffRequests {

    static final String USERNAME = "[A-Za-z0-9._-]+";
    static final String USERNAME_MESSAGE = "may contain letters, digits, '.', '_' and '-' only";
    static final String PHONE = "[+0-9 ()-]*";
    static final String PHONE_MESSAGE = "may contain digits, spaces, '+', '(', ')' and '-' only";
    static final String LOCALE = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*";
    static final String LOCALE_MESSAGE = "must be a language tag such as zh-CN or en";

    private StaffRequests() {
    }

    /** {@code POST /api/v1/staff}: a new member of staff; status defaults to ACTIVE, locale to the setting. */
    record NewStaff(
            @NotBlank @Size(max = 64) @Pattern(regexp = USERNAME, message = USERNAME_MESSAGE) String username,
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Email @Size(max = 200) String email,
            @Size(max = 32) @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone,
            @Pattern(regexp = LOCALE, message = LOCALE_MESSAGE) String locale,
            StaffStatus status,
            @NotEmpty Set<@NotNull Role> roles,
            @NotBlank String departmentId,
            /** The initial password; without one the person cannot log in until an administrator sets it. */
            @Size(min = 10, max = 128) String password) {
    }

    /** {@code PUT /api/v1/staff/{id}}: the whole editable record, as of {@code version}. */
    record StaffChange(
            @NotBlank @Size(max = 64) @Pattern(regexp = USERNAME, message = USERNAME_MESSAGE) String username,
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Email @Size(max = 200) String email,
            @Size(max = 32) @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone,
            @NotBlank @Pattern(regexp = LOCALE, message = LOCALE_MESSAGE) String locale,
            @NotNull StaffStatus status,
            @NotEmpty Set<@NotNull Role> roles,
            @NotBlank String departmentId,
            /** A new password; absent keeps the current one. */
            @Size(min = 10, max = 128) String password,
            @NotNull Long version) {
    }
}
