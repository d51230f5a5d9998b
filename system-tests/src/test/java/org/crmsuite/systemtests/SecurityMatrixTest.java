package org.crmsuite.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.crmsuite.systemtests.support.ChildJvm;
import org.crmsuite.systemtests.support.SecurityMatrix;
import org.crmsuite.systemtests.support.SecurityMatrix.Caller;
import org.crmsuite.systemtests.support.SecurityMatrix.Row;
import org.crmsuite.systemtests.support.SecurityMatrix.Step;
import org.crmsuite.systemtests.support.SecuritySuite;
import org.crmsuite.systemtests.support.SuiteIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The role × endpoint matrix of docs/security.md, executed against the real suite through the gateway (issue 3,
 * "Tests"): identity, customer-service, complaint-service, sales-service, visit-service, notification-service and the
 * gateway run from their jars with their demo data; {@code security-matrix.yml} gives, for every endpoint, a concrete
 * request and the expected answer for each caller. Every endpoint × caller is one dynamic test: allowed → 2xx (or the
 * documented non-authorisation answer the row names), refused → 403 {@code application/problem+json}. A service
 * endpoint without a row fails the build ({@link #everyEndpointOfEveryServiceHasARow}). Also CU-3 end to end
 * (masking outside the caller's own department, the audit of unmasked reads from outside it), NoSQL operator
 * injection into every service, and forged tokens refused by the gateway and by every service behind it. The gateway's
 * rate limit (429), body limit (413) and its refusal of every kind of bad token are proven by the gateway module's own
 * tests and not repeated here.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityMatrixTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{([A-Za-z0-9_.-]+)}}");
    private static final Set<String> HTTP_METHODS = Set.of("get", "post", "put", "patch", "delete");

    private static final SecurityMatrix MATRIX = SecurityMatrix.load("security-matrix.yml");
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final AtomicLong UNIQUE = new AtomicLong();

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final Map<Row, Map<String, JsonNode>> SHARED_FIXTURES = new ConcurrentHashMap<>();

    private static SecuritySuite suite;

    @BeforeAll
    static void startTheSuite() {
        List<String> modules = MATRIX.services().stream().map(SecurityMatrix.Service::module).toList();
        // every cell is one request (plus its fixture's): far below this, so the matrix is never throttled
        suite = SecuritySuite.start(modules, "{\"replenish-rate\":100000,\"burst-capacity\":200000}");
        Caller admin = MATRIX.callers().get("admin");
        suite.awaitRoutes(MATRIX.services().stream().map(SecurityMatrix.Service::ping).toList(), bearer(admin),
                Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopTheSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    /**
     * "For every endpoint": each service's own OpenAPI document lists what it serves; an endpoint without a matrix row
     * (a new endpoint nobody decided the roles of) fails here, and so does a row for an endpoint that is gone.
     */
    @Test
    @Order(1)
    void everyEndpointOfEveryServiceHasARow() {
        List<String> problems = new ArrayList<>();
        for (SecurityMatrix.Service service : MATRIX.services()) {
            Set<String> served = servedEndpoints(service.module());
            Set<String> covered = new TreeSet<>();
            MATRIX.rows().stream().filter(row -> row.service().equals(service.module())).forEach(row -> covered.add(row.endpoint()));
            for (String endpoint : served) {
                if (!covered.contains(endpoint)) {
                    problems.add(service.module() + " serves " + endpoint + " but security-matrix.yml has no row for it");
                }
            }
            for (String endpoint : covered) {
                if (!served.contains(endpoint)) {
                    problems.add("security-matrix.yml has a row for " + endpoint + " which " + service.module()
                            + " does not serve");
                }
            }
        }
        for (Row row : MATRIX.rows()) {
            if (MATRIX.services().stream().noneMatch(s -> s.module().equals(row.service()))) {
                problems.add("the row " + row.endpoint() + " names a service not in the list: " + row.service());
            }
        }
        assertThat(problems).as("endpoints and matrix rows").isEmpty();
    }

    private static Set<String> servedEndpoints(String module) {
        HttpResponse<String> docs = SecuritySuite.send(SecuritySuite.request(suite.service(module).uri("/v3/api-docs"))
                .header("Accept", "application/json").GET().build());
        assertThat(docs.statusCode()).as("%s /v3/api-docs: %s", module, docs.body()).isEqualTo(200);
        Set<String> endpoints = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : JSON.readTree(docs.body()).path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (HTTP_METHODS.contains(operation.getKey())) {
                    endpoints.add(operation.getKey().toUpperCase() + " " + path.getKey());
                }
            }
        }
        assertThat(endpoints).as("%s documents its endpoints", module).isNotEmpty();
        return endpoints;
    }

    /** One dynamic test per matrix row × caller, in the file's order (rows that change shared data come last). */
    @TestFactory
    @Order(2)
    Stream<DynamicNode> roleByEndpointMatrix() {
        return MATRIX.rows().stream().map(row -> DynamicContainer.dynamicContainer(
                row.service() + ": " + row.endpoint() + (row.title() == null ? "" : " (" + row.title() + ")"),
                MATRIX.callers().values().stream().map(caller -> DynamicTest.dynamicTest(
                        caller.name() + " → " + row.expectationFor(caller.name()), () -> cell(row, caller)))));
    }

    /**
     * An allowed cell gets a fresh fixture of its own (its write succeeds on the state the row describes); the refused
     * cells of a row share one, since a refusal changes nothing. Should a service wrongly allow such a write, that cell
     * fails on its status anyway.
     */
    private static void cell(Row row, Caller caller) {
        String expected = row.expectationFor(caller.name());
        Map<String, JsonNode> variables = new LinkedHashMap<>();
        if (row.fixture() != null) {
            variables.putAll(expected.equals("ok") ? fixture(row) : SHARED_FIXTURES.computeIfAbsent(row, r -> fixture(r)));
        }
        variables.put("unique", JSON.getNodeFactory().stringNode("m" + RUN + UNIQUE.incrementAndGet()));
        variables.put("caller.sub", JSON.getNodeFactory().stringNode(caller.sub()));
        variables.put("caller.dept", JSON.getNodeFactory().stringNode(caller.dept() == null ? "" : caller.dept()));
        HttpResponse<String> answer = send(row.request(), caller, variables);
        String what = String.format("%s %s%s as %s (roles %s, dept %s): expected %s, got %s %s%s", row.method(),
                substitute(row.request().path(), variables), row.title() == null ? "" : " [" + row.title() + "]",
                caller.name(), caller.roles(), caller.dept(), expected, answer.statusCode(), abbreviate(answer.body()),
                row.note() == null ? "" : " (" + row.note() + ")");
        int status = answer.statusCode();
        if (expected.equals("ok")) {
            assertThat(status / 100).as(what).isEqualTo(2);
            return;
        }
        assertThat(status).as(what).isEqualTo(Integer.parseInt(expected));
        if (status >= 400) {
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).as("a problem answer: " + what)
                    .startsWith("application/problem+json");
        }
    }

    /**
     * CU-3 end to end, through the gateway: one customer of dept-east-sales owned by demo-sales-1. Its owner sees it
     * whole; another rep of the department and the service desk see phones, e-mail and id numbers masked; a manager of
     * another department sees nothing. Unmasked reads by people outside the department are written to the audit log,
     * masked reads and reads within the department are not; the department's manager reads its log.
     */
    @Test
    @Order(3)
    void crossDepartmentReadsAreMaskedAndUnmaskedOnesAreAudited() {
        String unique = "m" + RUN + UNIQUE.incrementAndGet();
        HttpResponse<String> created = call("POST", "/api/v1/customers", "admin", """
                {"name": "Masking Check %s", "registrationNumber": "MK-%s", "departmentId": "dept-east-sales",
                 "ownerId": "demo-sales-1", "confirmDuplicate": true,
                 "legalRepresentative": {"name": "Legal Rep", "idNumber": "310101199001011234"},
                 "contacts": [{"name": "Zhang Wei", "phone": "13912345678", "email": "zhang.wei@example.com",
                               "idNumber": "310101198001015678"}]}""".formatted(unique, unique));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).path("id").asString();
        String path = "/api/v1/customers/" + id;

        // the owner: everything, unmasked
        JsonNode owner = okJson(call("GET", path, "sales-1", null));
        assertThat(owner.path("masked").asBoolean()).isFalse();
        assertThat(owner.at("/contacts/0/phone").asString()).isEqualTo("13912345678");
        assertThat(owner.at("/contacts/0/email").asString()).isEqualTo("zhang.wei@example.com");

        // the same department, not the owner; and the service desk, finance and services of any department: masked
        for (String caller : List.of("sales-2", "agent-1", "dispatcher", "finance", "service")) {
            JsonNode masked = okJson(call("GET", path, caller, null));
            assertThat(masked.path("masked").asBoolean()).as("%s reads it masked", caller).isTrue();
            assertThat(masked.at("/contacts/0/phone").asString()).as(caller).isEqualTo("139****5678");
            assertThat(masked.at("/contacts/0/email").asString()).as(caller).isEqualTo("z***@example.com");
            assertThat(masked.at("/contacts/0/idNumber").asString()).as(caller).isEqualTo("3101**********5678");
            assertThat(masked.at("/legalRepresentative/idNumber").asString()).as(caller).isEqualTo("3101**********1234");
            assertThat(masked.toString()).as("nothing of the full values leaks to %s", caller)
                    .doesNotContain("13912345678", "zhang.wei@", "310101198001015678", "310101199001011234");
            JsonNode contacts = okJson(call("GET", path + "/contacts", caller, null));
            assertThat(contacts.at("/0/phone").asString()).as("%s reads the contacts masked", caller).isEqualTo("139****5678");
        }
        // search results are masked the same way
        JsonNode found = okJson(call("GET", "/api/v1/customers?registrationNumber=MK-" + unique, "sales-2", null));
        assertThat(found.at("/items/0/id").asString()).isEqualTo(id);
        assertThat(found.at("/items/0/masked").asBoolean()).isTrue();
        assertThat(found.at("/items/0/contactPhone").asString()).isEqualTo("139****5678");
        // another department's manager and sales rep: nothing at all
        for (String caller : List.of("manager-service", "sales-elsewhere", "partner")) {
            HttpResponse<String> refused = call("GET", path, caller, null);
            assertThat(refused.statusCode()).as("%s: %s", caller, refused.body()).isEqualTo(403);
            assertThat(refused.body()).doesNotContain("Zhang Wei", "13912345678", "139****5678");
        }

        // within the department (manager, owner) no audit; unmasked from outside it: audited, with what was read
        okJson(call("GET", path, "manager-east", null));
        okJson(call("GET", path, "director", null));
        okJson(call("GET", path + "/history", "gm", null));
        okJson(call("GET", path + "/contacts", "admin", null));
        JsonNode log = okJson(call("GET", "/api/v1/customers/audit?customerId=" + id + "&size=50", "admin", null));
        List<String> entries = new ArrayList<>();
        for (JsonNode entry : log.path("items")) {
            entries.add(entry.path("readerId").asString() + " " + entry.path("what").asString() + " "
                    + entry.path("readerDepartmentId").asString() + " " + entry.path("customerDepartmentId").asString());
        }
        assertThat(entries).containsExactlyInAnyOrder(
                "demo-director PROFILE dept-company dept-east-sales",
                "demo-gm HISTORY dept-company dept-east-sales",
                "demo-admin CONTACTS dept-company dept-east-sales");

        // the department's manager reads its own department's log; another department's manager sees none of it
        JsonNode managersView = okJson(call("GET", "/api/v1/customers/audit?customerId=" + id, "manager-east", null));
        assertThat(managersView.path("items").size()).isEqualTo(3);
        JsonNode otherManager = okJson(call("GET", "/api/v1/customers/audit?customerId=" + id, "manager-service", null));
        assertThat(otherManager.path("items").size()).isZero();
        assertThat(call("GET", "/api/v1/customers/audit?departmentId=dept-east-sales", "manager-service", null).statusCode())
                .isEqualTo(403);
    }

    /**
     * NoSQL operator injection through the gateway into each service: operators in query parameters are matched as
     * literal text (nothing found, never everything), operators in JSON bodies are refused as invalid fields; never a
     * 500, never an HTML page.
     */
    @Test
    @Order(4)
    void noSqlOperatorsInParametersAndBodiesAreRefusedWithoutA500() {
        String operator = encode("{\"$gt\": \"\"}");
        String notNull = encode("{\"$ne\": null}");
        for (String path : List.of("/api/v1/customers?name=" + operator, "/api/v1/customers?ownerId=" + notNull,
                "/api/v1/customers?registrationNumber=" + encode("{\"$ne\":1}"), "/api/v1/staff?departmentId=" + notNull,
                "/api/v1/complaints?handlerId=" + notNull, "/api/v1/blacklist?customerId=" + notNull,
                "/api/v1/customers/audit?readerId=" + notNull, "/api/v1/visit-plans?ownerId=" + notNull,
                "/api/v1/visits?customerId=" + operator, "/api/v1/notifications/deliveries?recipientId=" + notNull)) {
            HttpResponse<String> answer = call("GET", path, "admin", null);
            assertThat(answer.statusCode()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
            JsonNode items = JSON.readTree(answer.body()).path("items");
            assertThat(items.isArray() && items.isEmpty()).as("GET %s finds nothing: %s", path, answer.body()).isTrue();
        }
        for (String path : List.of("/api/v1/customers/" + notNull, "/api/v1/staff/" + notNull,
                "/api/v1/complaints/" + notNull, "/api/v1/admissions/" + notNull, "/api/v1/visits/" + notNull,
                "/api/v1/subscriptions/" + notNull)) {
            assertRefused(call("GET", path, "admin", null), "GET " + path, 404);
        }
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("/api/v1/customers", """
                {"name": {"$gt": ""}, "registrationNumber": "MI-%s", "departmentId": "dept-east-sales"}""");
        bodies.put("/api/v1/blacklist", """
                {"customerId": {"$ne": null}, "scope": "COMPANY", "reason": "ECONOMIC_LOSS_OR_REPUTATION_DAMAGE"}""");
        bodies.put("/api/v1/complaints", """
                {"channel": "PHONE", "category": "DELIVERY", "content": "x", "customerId": {"$ne": null}}""");
        bodies.put("/api/v1/staff", """
                {"username": {"$gt": ""}, "name": "x", "email": "x@example.com", "roles": ["SALES"],
                 "departmentId": "dept-east-sales"}""");
        bodies.put("/api/v1/departments", """
                {"name": "Injection %s", "parentId": {"$ne": null}}""");
        bodies.put("/api/v1/visit-plans", """
                {"customerId": {"$ne": null}, "purpose": "Injection %s", "plannedAt": "2030-01-01T02:00:00Z"}""");
        bodies.put("/api/v1/notifications/rules", """
                {"id": {"$gt": ""}, "rule": {"eventType": "crm.complaint.received.v1", "audience": "CUSTOMER_CONTACT",
                 "channels": ["SMS"], "enabled": false}}""");
        bodies.forEach((path, body) -> assertRefused(call("POST", path, "admin", body.replace("%s", RUN)), "POST " + path, 400));
    }

    /**
     * Defence in depth with the deployed configuration: a forged token is refused with 401 problem+json by the gateway
     * and by each service called directly, bypassing it (a misrouted call, another container on the network). The
     * gateway's own tests go through every kind of bad token against a stand-in service; here every real jar is
     * checked with its real settings (issuer, audience, keys; identity through CRM_API_TOKEN_ISSUER).
     */
    @Test
    @Order(5)
    void forgedTokensAreRefusedByTheGatewayAndByEveryServiceBehindIt() {
        Map<String, String> paths = Map.of("identity", "/api/v1/departments", "customer-service", "/api/v1/customers/policy",
                "complaint-service", "/api/v1/complaints/policy", "sales-service", "/api/v1/reception/policy",
                "visit-service", "/api/v1/visits/policy", "notification-service", "/api/v1/notifications/policy");
        List<String> accepted = new ArrayList<>();
        for (SecurityMatrix.Service service : MATRIX.services()) {
            String path = paths.getOrDefault(service.module(), service.ping());
            for (SuiteIssuer.Forgery forgery : SuiteIssuer.Forgery.values()) {
                String token = suite.issuer().forged(forgery);
                for (ChildJvm target : List.of(suite.gateway(), suite.service(service.module()))) {
                    HttpResponse<String> answer = SecuritySuite.send(SecuritySuite.request(target.uri(path))
                            .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build());
                    if (answer.statusCode() != 401
                            || !answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                        accepted.add(target.name() + " GET " + path + " with a token " + forgery + ": " + answer.statusCode()
                                + " " + abbreviate(answer.body()));
                    }
                }
            }
            // and the same request with a good token is served, so the refusals above are the tokens' doing
            assertThat(SecuritySuite.send(SecuritySuite.request(suite.service(service.module()).uri(path))
                    .header("Authorization", bearer(MATRIX.callers().get("admin"))).GET().build()).statusCode())
                    .as("%s GET %s with a valid token", service.module(), path).isEqualTo(200);
        }
        assertThat(accepted).as("answers other than 401 problem+json to forged tokens").isEmpty();
    }

    private static void assertRefused(HttpResponse<String> answer, String what, int status) {
        assertThat(answer.statusCode()).as("%s: %s", what, answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("application/problem+json");
    }

    private static HttpResponse<String> call(String method, String path, String caller, String body) {
        HttpRequest.Builder request = SecuritySuite.request(suite.gateway().uri(path))
                .header("Authorization", bearer(MATRIX.callers().get(caller))).header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return SecuritySuite.send(request.build());
    }

    private static JsonNode okJson(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as("%s %s: %s", answer.request().method(), answer.request().uri(), answer.body())
                .isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    /** Runs the row's fixture: every step must answer 2xx; returns what its steps captured. */
    private static Map<String, JsonNode> fixture(Row row) {
        Map<String, JsonNode> variables = new LinkedHashMap<>();
        variables.put("unique", JSON.getNodeFactory().stringNode("m" + RUN + UNIQUE.incrementAndGet()));
        for (Step step : MATRIX.fixtures().get(row.fixture())) {
            Caller as = MATRIX.callers().get(step.as());
            if (as == null) {
                throw new IllegalStateException("fixture " + row.fixture() + " runs as an unknown caller " + step.as());
            }
            HttpResponse<String> answer = step.await() == null ? send(step, as, variables) : awaited(step, as, variables);
            if (answer.statusCode() / 100 != 2) {
                fail("fixture %s of %s could not be set up: %s %s as %s answered %s %s", row.fixture(), row.endpoint(),
                        step.method(), substitute(step.path(), variables), as.name(), answer.statusCode(), answer.body());
            }
            capture(step, answer, variables);
        }
        variables.remove("unique");
        return variables;
    }

    /**
     * A fixture step that reads what an event makes in another service (a webhook delivery after a complaint was
     * filed): repeated until it answers 2xx with everything it captures, at most {@code await} seconds.
     */
    private static HttpResponse<String> awaited(Step step, Caller as, Map<String, JsonNode> variables) {
        long deadline = System.nanoTime() + Duration.ofSeconds(step.await()).toNanos();
        while (true) {
            HttpResponse<String> answer = send(step, as, variables);
            if (answer.statusCode() / 100 == 2 && step.capture().values().stream().allMatch(pointer -> pointer.equals(".")
                    || !JSON.readTree(answer.body()).at(pointer).isMissingNode())) {
                return answer;
            }
            if (System.nanoTime() > deadline) {
                fail("%s %s as %s did not answer with %s within %s s; last answer %s %s", step.method(),
                        substitute(step.path(), variables), as.name(), step.capture().values(), step.await(),
                        answer.statusCode(), abbreviate(answer.body()));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static void capture(Step step, HttpResponse<String> answer, Map<String, JsonNode> variables) {
        if (step.capture().isEmpty()) {
            return;
        }
        JsonNode body = JSON.readTree(answer.body());
        step.capture().forEach((name, pointer) -> {
            JsonNode value = pointer.equals(".") ? body : body.at(pointer);
            if (value.isMissingNode()) {
                fail("the fixture answer has nothing at %s: %s", pointer, answer.body());
            }
            variables.put(name, value);
        });
    }

    private static HttpResponse<String> send(Step step, Caller caller, Map<String, JsonNode> variables) {
        HttpRequest.Builder request = SecuritySuite.request(suite.gateway().uri(substitute(step.path(), variables)))
                .header("Authorization", bearer(caller)).header("Accept", "application/json");
        step.headers().forEach((name, value) -> request.header(name, substitute(value, variables)));
        if (step.body() == null) {
            request.method(step.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            JsonNode body = resolve(JSON.valueToTree(step.body()), variables);
            request.header("Content-Type", "application/json")
                    .method(step.method(), HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return SecuritySuite.send(request.build());
    }

    /** {@code "{{name}}"} as a whole JSON string becomes the variable's JSON value; inside a text, its text. */
    private static JsonNode resolve(JsonNode node, Map<String, JsonNode> variables) {
        if (node.isString()) {
            Matcher whole = VARIABLE.matcher(node.asString());
            if (whole.matches()) {
                return variable(whole.group(1), variables);
            }
            return JSON.getNodeFactory().stringNode(substitute(node.asString(), variables));
        }
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JSON.createObjectNode();
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                copy.set(field.getKey(), resolve(field.getValue(), variables));
            }
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JSON.createArrayNode();
            for (Iterator<JsonNode> items = array.iterator(); items.hasNext();) {
                copy.add(resolve(items.next(), variables));
            }
            return copy;
        }
        return node;
    }

    private static String substitute(String text, Map<String, JsonNode> variables) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            JsonNode value = variable(matcher.group(1), variables);
            matcher.appendReplacement(out, Matcher.quoteReplacement(value.isValueNode() ? value.asString() : value.toString()));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static JsonNode variable(String name, Map<String, JsonNode> variables) {
        JsonNode value = variables.get(name);
        if (value == null) {
            throw new IllegalStateException("no value for {{" + name + "}}; known: " + variables.keySet());
        }
        return value;
    }

    /** One token per caller for the whole run (valid 15 minutes; the run takes a few). */
    private static String bearer(Caller caller) {
        return TOKENS.computeIfAbsent(caller.name(), name -> "Bearer "
                + suite.issuer().token(caller.sub(), caller.dept(), caller.roles().toArray(String[]::new)));
    }

    private static String abbreviate(String body) {
        return body == null || body.length() <= 400 ? body : body.substring(0, 400) + "…";
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
