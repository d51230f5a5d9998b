package org.crmsuite.identity.directory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.crmsuite.platform.events.AggregateStore;
import org.crmsuite.platform.identity.Role;
import org.crmsuite.platform.web.DomainException;
import org.crmsuite.platform.web.Problems;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The staff directory: people and departments, and the look-ups other services make (who manages a department, who
 * a case escalates to, who else works there). The one entry point of the feature for the rest of the module.
 */
@Service
public class Directory {

    /** Roles of systems, granted to OAuth2 clients only, never to a person. */
    private static final Set<Role> CLIENT_ROLES = Set.of(Role.PARTNER, Role.SERVICE);

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final HandlerTiers tiers;

    Directory(MongoTemplate mongo, AggregateStore store, PasswordEncoder passwords, Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.passwords = passwords;
        this.clock = clock;
        this.tiers = new HandlerTiers(this::findDepartment,
                staffId -> findPerson(staffId).filter(person -> !person.hasLeft()).isPresent());
    }

    // ---- people

    public Person hire(StaffDetails details, String password, String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<Person> earlier = findOne("creationKey", idempotencyKey, Person.class);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        List<Problems.FieldError> errors = checkPerson(details);
        if (details.status() == StaffStatus.LEFT) {
            errors.add(new Problems.FieldError("status", "a new member of staff cannot start as LEFT"));
        }
        rejectIfAny(errors);
        refuseTaken(details, null);
        Person person = Person.join(details, password == null ? null : passwords.encode(password), idempotencyKey);
        try {
            return store.save(person);
        } catch (DuplicateKeyException e) {
            if (idempotencyKey != null) {
                Optional<Person> concurrent = findOne("creationKey", idempotencyKey, Person.class);
                if (concurrent.isPresent()) {
                    return concurrent.get();
                }
            }
            throw e;
        }
    }

    /** Applies an administrator's change made to {@code version}; a change based on an older version is refused. */
    public Person revise(String id, long version, StaffDetails details, String password) {
        Person person = person(id);
        requireVersion(person.getVersion(), version, "staff member", id);
        rejectIfAny(checkPerson(details));
        refuseTaken(details, id);
        person.revise(details, clock);
        if (password != null) {
            person.changePassword(passwords.encode(password));
        }
        return store.save(person);
    }

    public Person person(String id) {
        return findPerson(id).orElseThrow(() -> DomainException.notFound("staff", id));
    }

    public Optional<Person> findPerson(String id) {
        return Optional.ofNullable(id).map(key -> mongo.findById(key, Person.class));
    }

    public Optional<Person> findByUsername(String username) {
        return findOne("username", Person.normalise(username), Person.class);
    }

    public Page<Person> staff(String departmentId, Role role, StaffStatus status, Pageable page) {
        Criteria criteria = new Criteria();
        if (departmentId != null) {
            criteria.and("departmentId").is(departmentId);
        }
        if (role != null) {
            criteria.and("roles").is(role.name());
        }
        if (status != null) {
            criteria.and("status").is(status.name());
        }
        return page(new Query(criteria), page, Person.class);
    }

    /** The members of one department (not of its sub-departments), e.g. the remaining reps after a departure. */
    public Page<Person> staffOf(String departmentId, Role role, StaffStatus status, Pageable page) {
        department(departmentId);
        return staff(departmentId, role, status, page);
    }

    public boolean isEmpty() {
        return mongo.estimatedCount(Person.class) == 0 && mongo.estimatedCount(Department.class) == 0;
    }

    // ---- departments

    public Department openDepartment(DepartmentDetails details, String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<Department> earlier = findOne("creationKey", idempotencyKey, Department.class);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        rejectIfAny(checkDepartment(details, null));
        try {
            return store.save(Department.open(details, idempotencyKey));
        } catch (DuplicateKeyException e) {
            if (idempotencyKey != null) {
                Optional<Department> concurrent = findOne("creationKey", idempotencyKey, Department.class);
                if (concurrent.isPresent()) {
                    return concurrent.get();
                }
            }
            throw e;
        }
    }

    public Department reviseDepartment(String id, long version, DepartmentDetails details) {
        Department department = department(id);
        requireVersion(department.getVersion(), version, "department", id);
        rejectIfAny(checkDepartment(details, id));
        department.revise(details);
        return store.save(department);
    }

    public Department department(String id) {
        return findDepartment(id).orElseThrow(() -> DomainException.notFound("department", id));
    }

    public Optional<Department> findDepartment(String id) {
        return Optional.ofNullable(id).map(key -> mongo.findById(key, Department.class));
    }

    public Page<Department> departments(String parentId, Pageable page) {
        Criteria criteria = new Criteria();
        if (parentId != null) {
            criteria.and("parentId").is(parentId);
        }
        return page(new Query(criteria), page, Department.class);
    }

    // ---- CO-4 look-ups

    /** The department's manager, or the nearest one up the tree when it has none (or they left). */
    public Person manager(String departmentId) {
        department(departmentId);
        return tiers.manager(departmentId, null).map(this::person)
                .orElseThrow(() -> new DomainException(HttpStatus.NOT_FOUND, "department.no-manager",
                        "Neither department '" + departmentId + "' nor any above it has a manager").with("id", departmentId));
    }

    /** The department's director, or its parent's when it has none of its own (and so on up the tree). */
    public Person director(String departmentId) {
        department(departmentId);
        return tiers.director(departmentId, null).map(this::person)
                .orElseThrow(() -> new DomainException(HttpStatus.NOT_FOUND, "department.no-director",
                        "Neither department '" + departmentId + "' nor any above it has a director").with("id", departmentId));
    }

    /** CO-4: the person, then their department's manager, then its director, skipping the person themselves. */
    public Escalation escalation(String staffId) {
        Person person = person(staffId);
        String departmentId = person.getDepartmentId();
        Person manager = tiers.manager(departmentId, staffId).map(this::person).orElse(null);
        Person director = tiers.director(departmentId, staffId).map(this::person).orElse(null);
        return new Escalation(person, manager, director);
    }

    // ---- rules on input

    private List<Problems.FieldError> checkPerson(StaffDetails details) {
        List<Problems.FieldError> errors = new ArrayList<>();
        if (details.roles().stream().anyMatch(CLIENT_ROLES::contains)) {
            errors.add(new Problems.FieldError("roles", "PARTNER and SERVICE are roles of client systems, not of staff"));
        }
        if (findDepartment(details.departmentId()).isEmpty()) {
            errors.add(new Problems.FieldError("departmentId", "no department with this id"));
        }
        return errors;
    }

    private void refuseTaken(StaffDetails details, String selfId) {
        findByUsername(details.username()).filter(other -> !other.getId().equals(selfId)).ifPresent(other -> {
            throw taken("staff.username-taken", "username", "The username '" + Person.normalise(details.username())
                    + "' belongs to someone else");
        });
        findOne("email", Person.normalise(details.email()), Person.class).filter(other -> !other.getId().equals(selfId))
                .ifPresent(other -> {
                    throw taken("staff.email-taken", "email", "The email address belongs to someone else");
                });
    }

    private List<Problems.FieldError> checkDepartment(DepartmentDetails details, String selfId) {
        List<Problems.FieldError> errors = new ArrayList<>();
        if (details.parentId() != null && !details.parentId().isBlank()) {
            if (details.parentId().equals(selfId) || isBelow(details.parentId(), selfId)) {
                errors.add(new Problems.FieldError("parentId", "a department cannot be placed under itself"));
            } else if (findDepartment(details.parentId()).isEmpty()) {
                errors.add(new Problems.FieldError("parentId", "no department with this id"));
            }
        }
        checkLeader(details.managerId(), "managerId", errors);
        checkLeader(details.directorId(), "directorId", errors);
        return errors;
    }

    private void checkLeader(String staffId, String field, List<Problems.FieldError> errors) {
        if (staffId == null || staffId.isBlank()) {
            return;
        }
        Optional<Person> leader = findPerson(staffId);
        if (leader.isEmpty()) {
            errors.add(new Problems.FieldError(field, "no staff member with this id"));
        } else if (leader.get().hasLeft()) {
            errors.add(new Problems.FieldError(field, "this staff member has left"));
        }
    }

    /** Whether {@code candidateId} lies in the subtree of {@code ancestorId} (so it cannot become its parent). */
    private boolean isBelow(String candidateId, String ancestorId) {
        if (ancestorId == null) {
            return false;
        }
        Set<String> seen = new HashSet<>();
        Optional<Department> next = findDepartment(candidateId);
        while (next.isPresent() && seen.add(next.get().getId())) {
            if (ancestorId.equals(next.get().getParentId())) {
                return true;
            }
            next = findDepartment(next.get().getParentId());
        }
        return false;
    }

    private static void requireVersion(Long current, long expected, String what, String id) {
        if (current == null || current != expected) {
            throw new OptimisticLockingFailureException("Stale version " + expected + " of " + what + " " + id);
        }
    }

    private static void rejectIfAny(List<Problems.FieldError> errors) {
        if (!errors.isEmpty()) {
            String fields = String.join(", ", errors.stream().map(Problems.FieldError::field).distinct().toList());
            throw DomainException.badRequest("request.invalid", "The request has invalid fields: " + fields)
                    .with("errors", List.copyOf(errors));
        }
    }

    private static DomainException taken(String code, String field, String detail) {
        return DomainException.conflict(code, detail).with("errors", List.of(new Problems.FieldError(field, "is already taken")));
    }

    private <T> Optional<T> findOne(String field, Object value, Class<T> type) {
        return Optional.ofNullable(mongo.findOne(new Query(Criteria.where(field).is(value)), type));
    }

    private <T> Page<T> page(Query query, Pageable page, Class<T> type) {
        long total = mongo.count(Query.of(query), type);
        List<T> items = mongo.find(Query.of(query).with(page), type);
        return new PageImpl<>(items, page, total);
    }

    // ---- the local demo directory (seed.DemoDirectory)

    /** Writes a department with a readable id, unless one with that id exists; for the local demo data only. */
    public Department seedDepartment(String id, DepartmentDetails details) {
        return findDepartment(id).orElseGet(() -> {
            try {
                return store.save(Department.open(id, details));
            } catch (DuplicateKeyException e) {
                return department(id);
            }
        });
    }

    /** Writes a person with a readable id, unless one with that id or username exists; for the local demo only. */
    public Person seedPerson(String id, StaffDetails details, String password) {
        Optional<Person> existing = findPerson(id).or(() -> findByUsername(details.username()));
        if (existing.isPresent()) {
            return existing.get();
        }
        Person person = Person.join(id, details, passwords.encode(password), null);
        try {
            return store.save(person);
        } catch (DuplicateKeyException e) {
            return findPerson(id).orElseGet(() -> findByUsername(details.username()).orElseThrow(() -> e));
        }
    }

    /** Names a department's leaders after its people exist; for the local demo only. */
    public Department seedLeaders(String departmentId, String managerId, String directorId) {
        Department department = department(departmentId);
        if (Objects.equals(department.getManagerId(), managerId)
                && Objects.equals(department.getDirectorId(), directorId)) {
            return department;
        }
        department.revise(new DepartmentDetails(department.getName(), department.getParentId(), managerId, directorId));
        try {
            return store.save(department);
        } catch (OptimisticLockingFailureException e) {
            return department(departmentId); // another instance seeding at the same time got there first
        }
    }
}
