package org.crmsuite.identity.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.bson.types.ObjectId;
import org.crmsuite.identity.events.StaffEvents;
import org.crmsuite.platform.events.AggregateRoot;
import org.crmsuite.platform.identity.Role;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member of staff in the directory. Leaving raises {@link StaffEvents#LEFT} (CU-10, SA-8); any other change
 * raises {@link StaffEvents#CHANGED}. The password hash stays in this document and never leaves the service.
 */
@Document("staff")
@CompoundIndex(name = "department_status", def = "{'departmentId': 1, 'status': 1}")
public class Person extends AggregateRoot {

    @Indexed(unique = true)
    private String username;
    private String name;
    @Indexed(unique = true)
    private String email;
    private String phone;
    private String locale;
    private StaffStatus status;
    private Set<Role> roles = EnumSet.noneOf(Role.class);
    private String departmentId;
    private String passwordHash;
    private Instant leftAt;
    /** The Idempotency-Key of the request that created this person, so a repeated request finds it. */
    @Indexed(unique = true, sparse = true)
    private String creationKey;

    protected Person() {
    }

    static Person join(StaffDetails details, String passwordHash, String creationKey) {
        return join(new ObjectId().toHexString(), details, passwordHash, creationKey);
    }

    static Person join(String id, StaffDetails details, String passwordHash, String creationKey) {
        Person person = new Person();
        person.setId(id);
        person.creationKey = creationKey;
        person.passwordHash = passwordHash;
        person.apply(details);
        person.raise(StaffEvents.CHANGED, person.changed());
        return person;
    }

    /**
     * Applies an administrator's decision. Becoming {@link StaffStatus#LEFT} raises the departure with the
     * department the person leaves from; coming back clears the leaving date.
     */
    void revise(StaffDetails details, Clock clock) {
        String leftFrom = departmentId;
        boolean leaving = details.status() == StaffStatus.LEFT && status != StaffStatus.LEFT;
        boolean changed = !sameAs(details);
        apply(details);
        if (leaving) {
            leftAt = clock.instant();
            raise(StaffEvents.LEFT, new StaffEvents.StaffLeft(getId(), leftFrom, roleNames(), leftAt));
        } else if (changed) {
            if (status != StaffStatus.LEFT) {
                leftAt = null;
            }
            raise(StaffEvents.CHANGED, changed());
        }
    }

    void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public boolean canLogIn() {
        return status != StaffStatus.LEFT && passwordHash != null;
    }

    public boolean hasLeft() {
        return status == StaffStatus.LEFT;
    }

    private void apply(StaffDetails details) {
        username = normalise(details.username());
        name = details.name().strip();
        email = normalise(details.email());
        phone = blankToNull(details.phone());
        locale = details.locale();
        status = details.status();
        roles = details.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(details.roles());
        departmentId = details.departmentId();
    }

    private boolean sameAs(StaffDetails details) {
        return Objects.equals(username, normalise(details.username())) && Objects.equals(name, details.name().strip())
                && Objects.equals(email, normalise(details.email())) && Objects.equals(phone, blankToNull(details.phone()))
                && Objects.equals(locale, details.locale()) && status == details.status()
                && Objects.equals(roles, details.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(details.roles()))
                && Objects.equals(departmentId, details.departmentId());
    }

    private StaffEvents.StaffChanged changed() {
        return new StaffEvents.StaffChanged(getId(), username, name, email, phone, locale, status.name(), roleNames(),
                departmentId);
    }

    private List<String> roleNames() {
        return roles.stream().map(Role::name).sorted().toList();
    }

    static String normalise(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getUsername() {
        return username;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public String getLocale() {
        return locale;
    }

    public StaffStatus getStatus() {
        return status;
    }

    public Set<Role> getRoles() {
        return roles.isEmpty() ? Set.of() : Set.copyOf(roles);
    }

    public String getDepartmentId() {
        return departmentId;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Instant getLeftAt() {
        return leftAt;
    }

    String getCreationKey() {
        return creationKey;
    }
}
