package org.crmsuite.identity.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.crmsuite.identity.support.IdentityIntegrationTest;
import org.crmsuite.identity.support.OAuth;
import org.crmsuite.platform.identity.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import tools.jackson.databind.JsonNode;

/**
 * The directory API as other services and the admin screens use it, with real tokens. The company tree:
 * company (manager: GM, director: director) ├ east sales (own manager and director) └ customer service (own manager,
 * no director: answers to the company's).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryApiTest extends IdentityIntegrationTest {

    Department company;
    Department eastSales;
    Department customerService;
    Person gm;
    Person director;
    Person salesDirector;
    Person salesManager;
    Person serviceManager;
    Person agent;
    Person rep;
    String adminToken;
    String repToken;

    @BeforeAll
    void companyTree() {
        company = department("Company", null, null, null);
        eastSales = department("East sales", company.getId(), null, null);
        customerService = department("Customer service", company.getId(), null, null);
        gm = person("Wang GM", Role.GM, company.getId());
        director = person("Li Director", Role.DIRECTOR, company.getId());
        salesDirector = person("Ma Director", Role.DIRECTOR, eastSales.getId());
        salesManager = person("Zhang Manager", Role.MANAGER, eastSales.getId());
        serviceManager = person("Chen Manager", Role.MANAGER, customerService.getId());
        agent = person("Zhou Agent", Role.AGENT, customerService.getId());
        rep = person("Liu Sales", Role.SALES, eastSales.getId());
        company = withLeaders(company, gm.getId(), director.getId());
        eastSales = withLeaders(eastSales, salesManager.getId(), salesDirector.getId());
        customerService = withLeaders(customerService, serviceManager.getId(), null);
        adminToken = tokenOf(person("Admin", Role.ADMIN, company.getId()));
        repToken = tokenOf(rep);
    }

    // ---- look-ups (CO-4, CU-10, SA-8)

    @Test
    void departmentManagerLookupNamesTheManager() {
        JsonNode manager = okJson("GET", "/api/v1/departments/" + customerService.getId() + "/manager", repToken);

        assertThat(manager.path("id").asString()).isEqualTo(serviceManager.getId());
        assertThat(manager.path("roles").toString()).contains("MANAGER");
    }

    @Test
    void agentEscalatesToDepartmentManagerThenToTheDirectorInheritedFromTheParent() {
        JsonNode escalation = okJson("GET", "/api/v1/staff/" + agent.getId() + "/escalation", repToken);

        assertThat(escalation.path("person").path("id").asString()).isEqualTo(agent.getId());
        assertThat(escalation.path("manager").path("id").asString()).isEqualTo(serviceManager.getId());
        assertThat(escalation.path("director").path("id").asString()).isEqualTo(director.getId());
    }

    @Test
    void salesRepEscalatesToTheirOwnDepartmentsDirector() {
        JsonNode escalation = okJson("GET", "/api/v1/staff/" + rep.getId() + "/escalation", repToken);

        assertThat(escalation.path("manager").path("id").asString()).isEqualTo(salesManager.getId());
        assertThat(escalation.path("director").path("id").asString()).isEqualTo(salesDirector.getId());
    }

    @Test
    void managerEscalatesToTheManagerAboveNotToThemselves() {
        JsonNode escalation = okJson("GET", "/api/v1/staff/" + serviceManager.getId() + "/escalation", repToken);

        assertThat(escalation.path("manager").path("id").asString()).isEqualTo(gm.getId());
        assertThat(escalation.path("director").path("id").asString()).isEqualTo(director.getId());
    }

    @Test
    void departmentWithoutDirectorAnswersToItsParentsDirector() {
        JsonNode inherited = okJson("GET", "/api/v1/departments/" + customerService.getId() + "/director", repToken);
        JsonNode own = okJson("GET", "/api/v1/departments/" + eastSales.getId() + "/director", repToken);

        assertThat(inherited.path("id").asString()).isEqualTo(director.getId());
        assertThat(own.path("id").asString()).isEqualTo(salesDirector.getId());
    }

    @Test
    void departmentStaffAreFilteredByRoleAndStatus() {
        Department team = department("Team", company.getId(), null, null);
        Person active1 = person("Active One", Role.SALES, team.getId());
        Person active2 = person("Active Two", Role.SALES, team.getId());
        Person away = person("Away Three", Role.SALES, team.getId());
        directory.revise(away.getId(), away.getVersion(), details(away, StaffStatus.ON_LEAVE), null);
        leave(person("Gone Four", Role.SALES, team.getId()));
        person("Manager Five", Role.MANAGER, team.getId());

        JsonNode page = okJson("GET", "/api/v1/departments/" + team.getId() + "/staff?role=SALES&status=ACTIVE", repToken);

        assertThat(ids(page.path("items"))).containsExactlyInAnyOrder(active1.getId(), active2.getId());
        assertThat(page.path("totalItems").asLong()).isEqualTo(2);
        assertThat(okJson("GET", "/api/v1/departments/" + team.getId() + "/staff", repToken).path("totalItems").asLong())
                .isEqualTo(5);
    }

    @Test
    void serviceClientMayReadTheDirectoryButPartnersMayNot() {
        String service = OAuth.clientToken(base(), "complaint-service", "local-complaint-service-secret");
        String partner = OAuth.clientToken(base(), "partner-demo", "local-partner-secret");

        assertThat(call("GET", "/api/v1/staff/" + agent.getId() + "/escalation", service, null).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = call("GET", "/api/v1/staff/" + agent.getId(), partner, null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    // ---- administration

    @Test
    void adminCreatesAndUpdatesStaffAndNeverSeesAPasswordHash() {
        String username = "new.rep." + unique();
        HttpResponse<String> created = call("POST", "/api/v1/staff", adminToken, """
                {"username": "%s", "name": "New Rep", "email": "%s@example.test", "phone": "+86 21 5555 0199",
                 "roles": ["SALES"], "departmentId": "%s", "password": "initial-password-1"}
                """.formatted(username, username, eastSales.getId()));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode person = OAuth.json(created.body());
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/staff/" + person.path("id").asString());
        assertThat(person.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(person.path("locale").asString()).isEqualTo("zh-CN");
        assertThat(person.path("version").asLong()).isZero();
        assertThat(created.body()).doesNotContainIgnoringCase("password");

        HttpResponse<String> updated = call("PUT", "/api/v1/staff/" + person.path("id").asString(), adminToken, """
                {"username": "%s", "name": "New Rep", "email": "%s@example.test", "locale": "en", "status": "ON_LEAVE",
                 "roles": ["SALES", "MANAGER"], "departmentId": "%s", "version": 0}
                """.formatted(username, username, eastSales.getId()));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(OAuth.json(updated.body()).path("status").asString()).isEqualTo("ON_LEAVE");
        assertThat(OAuth.json(updated.body()).path("version").asLong()).isEqualTo(1);

        HttpResponse<String> fetched = call("GET", "/api/v1/staff/" + person.path("id").asString(), repToken, null);
        assertThat(fetched.body()).contains("\"roles\":[\"MANAGER\",\"SALES\"]").doesNotContainIgnoringCase("password");
        // the new password works on the login form
        assertThat(OAuth.logIn(base(), username, "initial-password-1", OAuth.Pkce.create()).succeeded()).isTrue();
    }

    @Test
    void staleVersionIsRefusedWith409() {
        Person someone = person("Stale Case", Role.AGENT, customerService.getId());
        directory.revise(someone.getId(), someone.getVersion(), details(someone, StaffStatus.ON_LEAVE), null);

        HttpResponse<String> stale = call("PUT", "/api/v1/staff/" + someone.getId(), adminToken, """
                {"username": "%s", "name": "Stale Case", "email": "%s", "locale": "zh-CN", "status": "ACTIVE",
                 "roles": ["AGENT"], "departmentId": "%s", "version": 0}
                """.formatted(someone.getUsername(), someone.getEmail(), customerService.getId()));

        assertProblem(stale, 409, "concurrency.stale-version");
    }

    @Test
    void nonAdminGets403OnWrites() {
        String body = """
                {"name": "Shadow department"}
                """;
        HttpResponse<String> asRep = call("POST", "/api/v1/departments", repToken, body);
        HttpResponse<String> asService = call("POST", "/api/v1/departments",
                OAuth.clientToken(base(), "sales-service", "local-sales-service-secret"), body);
        HttpResponse<String> update = call("PUT", "/api/v1/staff/" + rep.getId(), repToken, "{}");

        assertProblem(asRep, 403, "access.denied");
        assertProblem(asService, 403, "access.denied");
        assertProblem(update, 403, "access.denied");
    }

    @Test
    void requestWithoutTokenIs401() {
        HttpResponse<String> response = call("GET", "/api/v1/staff/" + rep.getId(), null, null);

        assertProblem(response, 401, "auth.unauthenticated");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void invalidStaffIsRefusedWithProblemNamingEachField() {
        HttpResponse<String> response = call("POST", "/api/v1/staff", adminToken, """
                {"username": "has spaces!", "email": "not-an-email", "roles": []}
                """);

        JsonNode problem = assertProblem(response, 400, "request.invalid");
        assertThat(fields(problem)).contains("username", "name", "email", "roles", "departmentId");
    }

    @Test
    void unknownDepartmentAndClientRolesAreRefusedNamingTheField() {
        HttpResponse<String> response = call("POST", "/api/v1/staff", adminToken, """
                {"username": "x.%s", "name": "X", "email": "x.%s@example.test", "roles": ["SERVICE"],
                 "departmentId": "no-such-department"}
                """.formatted(unique(), unique()));

        JsonNode problem = assertProblem(response, 400, "request.invalid");
        assertThat(fields(problem)).containsExactlyInAnyOrder("roles", "departmentId");
    }

    @Test
    void unknownRoleNameIsMalformed() {
        HttpResponse<String> response = call("POST", "/api/v1/staff", adminToken, """
                {"username": "y", "name": "Y", "email": "y@example.test", "roles": ["EMPEROR"], "departmentId": "d"}
                """);

        JsonNode problem = assertProblem(response, 400, "request.malformed");
        assertThat(problem.path("errors").toString()).contains("roles").contains("SALES");
    }

    @Test
    void pageSizeAbove200IsRefused() {
        JsonNode problem = assertProblem(call("GET", "/api/v1/staff?size=500", repToken, null), 400, "request.invalid");

        assertThat(fields(problem)).containsExactly("size");
    }

    @Test
    void unknownIdIs404() {
        assertProblem(call("GET", "/api/v1/staff/no-such-person", repToken, null), 404, "staff.not-found");
        assertProblem(call("GET", "/api/v1/departments/no-such-department/manager", repToken, null), 404,
                "department.not-found");
    }

    @Test
    void duplicateUsernameOrEmailIs409() {
        HttpResponse<String> sameUsername = call("POST", "/api/v1/staff", adminToken, """
                {"username": "%s", "name": "Copy", "email": "copy.%s@example.test", "roles": ["AGENT"], "departmentId": "%s"}
                """.formatted(agent.getUsername().toUpperCase(), unique(), customerService.getId()));
        HttpResponse<String> sameEmail = call("POST", "/api/v1/staff", adminToken, """
                {"username": "copy.%s", "name": "Copy", "email": "%s", "roles": ["AGENT"], "departmentId": "%s"}
                """.formatted(unique(), agent.getEmail(), customerService.getId()));

        assertProblem(sameUsername, 409, "staff.username-taken");
        assertProblem(sameEmail, 409, "staff.email-taken");
    }

    @Test
    void repeatedCreateWithTheSameIdempotencyKeyReturnsTheFirstDepartment() {
        String body = """
                {"name": "Idempotent %s", "parentId": "%s"}
                """.formatted(unique(), company.getId());
        String key = "key-" + unique();

        HttpResponse<String> first = OAuth.call("POST", url("/api/v1/departments"), adminToken, body, key);
        HttpResponse<String> repeat = OAuth.call("POST", url("/api/v1/departments"), adminToken, body, key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(OAuth.json(repeat.body()).path("id").asString()).isEqualTo(OAuth.json(first.body()).path("id").asString());
        assertThat(directory.departments(company.getId(), org.springframework.data.domain.Pageable.ofSize(200)).getContent())
                .filteredOn(d -> d.getName().equals(OAuth.json(first.body()).path("name").asString())).hasSize(1);
    }

    @Test
    void departmentCannotBeMovedUnderItsOwnSubtree() {
        HttpResponse<String> response = call("PUT", "/api/v1/departments/" + company.getId(), adminToken, """
                {"name": "%s", "parentId": "%s", "managerId": "%s", "directorId": "%s", "version": %d}
                """.formatted(company.getName(), eastSales.getId(), gm.getId(), director.getId(), company.getVersion()));

        JsonNode problem = assertProblem(response, 400, "request.invalid");
        assertThat(fields(problem)).containsExactly("parentId");
    }

    // ---- helpers

    private HttpResponse<String> call(String method, String path, String token, String body) {
        return OAuth.call(method, url(path), token, body);
    }

    private JsonNode okJson(String method, String path, String token) {
        HttpResponse<String> response = call(method, path, token, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return OAuth.json(response.body());
    }

    private static JsonNode assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = OAuth.json(response.body());
        assertThat(problem.path("code").asString()).isEqualTo(code);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        return problem;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asString()));
        return fields;
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    private static StaffDetails details(Person person, StaffStatus status) {
        return new StaffDetails(person.getUsername(), person.getName(), person.getEmail(), person.getPhone(),
                person.getLocale(), status, Set.copyOf(person.getRoles()), person.getDepartmentId());
    }
}
