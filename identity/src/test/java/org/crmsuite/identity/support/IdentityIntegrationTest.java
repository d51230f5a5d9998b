package org.crmsuite.identity.support;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.crmsuite.identity.directory.Department;
import org.crmsuite.identity.directory.DepartmentDetails;
import org.crmsuite.identity.directory.Directory;
import org.crmsuite.identity.directory.Person;
import org.crmsuite.identity.directory.StaffDetails;
import org.crmsuite.identity.directory.StaffStatus;
import org.crmsuite.platform.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One running identity service for all integration tests (one Spring context): the embedded MongoDB, the machine's
 * RabbitMQ with exchange names of this run only, a random port. Builders for the directory data a test needs; every
 * username is unique, so tests never see each other's people.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(RunExchanges.class)
public abstract class IdentityIntegrationTest {

    public static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    public static final String EXCHANGE = "crm.events.identity-test-" + RUN;
    public static final String DEAD_LETTER_EXCHANGE = "crm.dlx.identity-test-" + RUN;
    public static final String PASSWORD = "test-password-" + RUN;

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @DynamicPropertySource
    static void exchangesOfThisRun(DynamicPropertyRegistry registry) {
        registry.add("crm.events.exchange", () -> EXCHANGE);
        registry.add("crm.events.dead-letter-exchange", () -> DEAD_LETTER_EXCHANGE);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected Directory directory;

    protected String base() {
        return "http://localhost:" + port;
    }

    protected String url(String path) {
        return base() + path;
    }

    protected Department department(String name, String parentId, String managerId, String directorId) {
        return directory.openDepartment(new DepartmentDetails(name + " " + unique(), parentId, managerId, directorId), null);
    }

    protected Department withLeaders(Department department, String managerId, String directorId) {
        return directory.reviseDepartment(department.getId(), department.getVersion(),
                new DepartmentDetails(department.getName(), department.getParentId(), managerId, directorId));
    }

    protected Person person(String name, Role role, String departmentId) {
        String username = name.toLowerCase().replace(' ', '.') + "." + unique();
        return directory.hire(new StaffDetails(username, name, username + "@example.test", "+86 21 5555 0100", "zh-CN",
                StaffStatus.ACTIVE, Set.of(role), departmentId), PASSWORD, null);
    }

    protected Person leave(Person person) {
        return directory.revise(person.getId(), person.getVersion(), new StaffDetails(person.getUsername(),
                person.getName(), person.getEmail(), person.getPhone(), person.getLocale(), StaffStatus.LEFT,
                person.getRoles(), person.getDepartmentId()), null);
    }

    protected String tokenOf(Person person) {
        return OAuth.staffToken(base(), person.getUsername(), PASSWORD);
    }

    protected static String unique() {
        return RUN + "-" + SEQUENCE.incrementAndGet();
    }
}
