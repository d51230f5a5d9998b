package org.crmsuite.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.crmsuite.reliability.support.Http;
import org.crmsuite.reliability.support.Node;
import org.crmsuite.reliability.support.Report;
import org.crmsuite.reliability.support.Suite;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Scenario 7 (issue 9): every POST and PUT endpoint that takes a JSON body, as customer-service, complaint-service and
 * sales-service publish them at {@code /v3/api-docs}, gets malformed JSON, wrong types, huge strings, unicode edge
 * cases, MongoDB operator injection and unknown fields. Every such body has at least one defect, so every answer must
 * be a 4xx problem+json: never a 500, never a 2xx, and nothing stored (documents per collection before and after).
 */
@Order(1)
class BadInputAtScaleTest {

    /** Collections a service's own background jobs write to while the fuzz runs (leases, claims), not requests. */
    private static final Pattern BACKGROUND = Pattern.compile("(?i).*(lease|claim|lock|processed_events).*");

    private static final List<String> MALFORMED = List.of("", "{", "}", "[", "{\"name\":", "{\"name\" \"x\"}", "nul",
            "{\"a\":1}}", "\uFEFF{}x", "{'single':'quotes'}", "{\"a\":NaN}", "{\"a\":01}", "{\"a\":\"\\x41\"}",
            "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000), "\u0000\u0001\u0002");
    private static final List<String> UNICODE = List.of("\u0000", "\ud800", "\udfff\ud800", "\u202e\u0645\u0631\u062d\u0628\u0627",
            "e\u0301".repeat(2000), "\uFFFF\uFFFE", "\uD83D\uDE00".repeat(500), "\u200B\u200C\u200D\u2060", "' OR '1'='1",
            "<script>alert(1)</script>", "../../../../etc/passwd", "%00%0d%0a", "${jndi:ldap://127.0.0.1/x}");
    private static final List<Object> OPERATORS = List.of(Map.of("$ne", ""), Map.of("$gt", ""),
            Map.of("$where", "sleep(1000)"), Map.of("$regex", ".*"), List.of(Map.of("$exists", true)));

    private static int rotation;

    private final Suite suite = Suite.get();

    record Endpoint(Node node, String method, String path, JsonNode schema) {
    }

    record Outcome(Endpoint endpoint, String mutation, Http.Answer answer) {
    }

    @Test
    void malformedWrongTypedHugeUnicodeInjectedAndUnknownInputIsRefusedWith4xxAndNothingIsStored() throws Exception {
        suite.ensureRunning(suite.customerA, suite.complaintA, suite.sales);
        String admin = suite.issuer.bearer("rel-fuzz-admin", "dept-company", "ADMIN");
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.addAll(endpoints(suite.customerA, admin));
        endpoints.addAll(endpoints(suite.complaintA, admin));
        endpoints.addAll(endpoints(suite.sales, admin));
        Map<String, Map<String, Long>> before = counts();

        List<Map.Entry<String, String>> cases = new ArrayList<>();
        List<Endpoint> targets = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (Map.Entry<String, String> mutation : mutations(endpoint.schema())) {
                cases.add(mutation);
                targets.add(endpoint);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Outcome> outcomes = new ArrayList<>();
        try {
            List<Future<Outcome>> calls = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                Endpoint endpoint = targets.get(i);
                Map.Entry<String, String> mutation = cases.get(i);
                calls.add(pool.submit(() -> new Outcome(endpoint, mutation.getKey(), Http.method(endpoint.method(),
                        endpoint.node().uri(endpoint.path()), admin, mutation.getValue(), Duration.ofSeconds(30),
                        "Idempotency-Key", "fuzz-" + Math.abs(mutation.getValue().hashCode())))));
            }
            for (Future<Outcome> call : calls) {
                outcomes.add(call.get());
            }
        } finally {
            pool.shutdown();
        }
        Map<String, Map<String, Long>> after = counts();

        List<Outcome> refused = outcomes.stream().filter(o -> o.answer().status() >= 400 && o.answer().status() < 500).toList();
        List<Outcome> wrong = outcomes.stream().filter(o -> !(o.answer().status() >= 400 && o.answer().status() < 500)).toList();
        List<String> grown = new ArrayList<>();
        after.forEach((database, collections) -> collections.forEach((collection, count) -> {
            long was = before.getOrDefault(database, Map.of()).getOrDefault(collection, 0L);
            if (count != was && !BACKGROUND.matcher(collection).matches()) {
                grown.add(database + "." + collection + " " + was + " -> " + count);
            }
        }));
        Map<Integer, Long> byStatus = new TreeMap<>();
        outcomes.forEach(o -> byStatus.merge(o.answer().status(), 1L, Long::sum));
        long slowest = outcomes.stream().mapToLong(o -> o.answer().millis()).max().orElse(0);
        Report report = new Report("7 bad input at scale")
                .load(outcomes.size() + " hostile bodies, 6 at a time, to " + endpoints.size() + " POST/PUT endpoints of 3 services")
                .fault("malformed JSON, wrong types, huge strings, unicode edge cases, operator injection, unknown fields")
                .counts(outcomes.size(), refused.size(), wrong.size(), 0, grown.size())
                .recovery("n/a")
                .note("answers by status: " + byStatus + "; slowest " + slowest + " ms")
                .note("succeeded = refused with 4xx as they must be; failed = any 2xx, 5xx or no answer (must be 0)")
                .note("duplicates column: collections whose document count changed (must be 0): " + grown);
        wrong.stream().limit(20).forEach(o -> report.note("NOT REFUSED: " + o.endpoint().method() + " " + o.endpoint().path()
                + " [" + o.mutation() + "] -> " + o.answer()));
        report.write();

        assertThat(wrong).as("every hostile body is refused with 4xx (never 2xx, 5xx or a hang)")
                .extracting(o -> o.endpoint().method() + " " + o.endpoint().path() + " [" + o.mutation() + "] -> " + o.answer())
                .isEmpty();
        assertThat(refused).allSatisfy(o -> assertThat(o.answer().header("Content-Type")).as(o.endpoint().path() + " "
                + o.mutation()).startsWith("application/problem+json"));
        assertThat(grown).as("nothing stored").isEmpty();
    }

    private Map<String, Map<String, Long>> counts() {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        for (String database : List.of("crm_customer", "crm_complaint", "crm_sales")) {
            counts.put(database, suite.counts(database));
        }
        return counts;
    }

    /** The POST/PUT operations with a JSON request body, from the service's OpenAPI document. */
    private static List<Endpoint> endpoints(Node node, String bearer) {
        Http.Answer docs = Http.get(node.uri("/v3/api-docs"), bearer);
        assertThat(docs.status()).as(node.name() + " /v3/api-docs " + docs).isEqualTo(200);
        JsonNode api = docs.json();
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : api.path("paths").properties()) {
            for (String method : List.of("post", "put")) {
                JsonNode operation = path.getValue().path(method);
                JsonNode body = operation.path("requestBody").path("content").path("application/json").path("schema");
                if (operation.isMissingNode() || body.isMissingNode()) {
                    continue;
                }
                endpoints.add(new Endpoint(node, method.toUpperCase(), concrete(path.getKey(), operation),
                        resolve(api, body)));
            }
        }
        assertThat(endpoints).as(node.name() + " publishes POST/PUT endpoints").isNotEmpty();
        return endpoints;
    }

    /** The path with its parameters filled in: ids that exist nowhere, dates and years that parse. */
    private static String concrete(String template, JsonNode operation) {
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if (!"path".equals(parameter.path("in").asString())) {
                continue;
            }
            JsonNode schema = parameter.path("schema");
            String value = schema.path("enum").isArray() ? schema.path("enum").path(0).asString()
                    : "integer".equals(schema.path("type").asString()) ? "2026"
                    : "date".equals(schema.path("format").asString()) ? "2026-11-23" : "rel-fuzz-unknown";
            values.put(parameter.path("name").asString(), value);
        }
        Matcher matcher = Pattern.compile("\\{([^}]+)}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(matcher.group(1), "rel-fuzz-unknown")));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static JsonNode resolve(JsonNode api, JsonNode schema) {
        String ref = schema.path("$ref").asString();
        if (ref != null && ref.startsWith("#/components/schemas/")) {
            return api.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }

    /**
     * The hostile bodies for one schema, each with at least one defect: malformed JSON; per property a wrong type
     * and an operator object; per string property a huge string and unicode edge cases sent with an unknown field
     * beside them (so the body is refused even where that text would be acceptable); the properties of the schema
     * with every value the wrong type; an unknown field alone.
     */
    private static List<Map.Entry<String, String>> mutations(JsonNode schema) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (int i = 0; i < MALFORMED.size(); i++) {
            out.add(Map.entry("malformed#" + i, MALFORMED.get(i)));
        }
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            properties.put(property.getKey(), property.getValue());
        }
        if (schema.path("type").asString().equals("array") || properties.isEmpty()) {
            out.add(Map.entry("object-for-array", "{\"$where\":\"1\"}"));
            out.add(Map.entry("array-of-operators", Http.write(List.of(Map.of("$gt", "")))));
            return out;
        }
        Map<String, Object> allWrong = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : properties.entrySet()) {
            String name = property.getKey();
            String type = property.getValue().path("type").asString();
            Object wrong = wrongType(type);
            allWrong.put(name, wrong);
            out.add(Map.entry(name + ":wrong-type", Http.write(Map.of(name, wrong))));
            Iterator<Object> operators = OPERATORS.iterator();
            int n = 0;
            while (operators.hasNext()) {
                Object operator = operators.next();
                if ("object".equals(type) || property.getValue().has("$ref")) {
                    operator = Map.of("$where", "sleep(1000)", "$fuzzUnknown", true);
                }
                out.add(Map.entry(name + ":operator#" + n++, Http.write(Map.of(name, operator))));
            }
            if ("string".equals(type) || type == null || type.isEmpty()) {
                out.add(Map.entry(name + ":huge", Http.write(withUnknown(name, "x".repeat(100_000)))));
                // four of the unicode edge cases per property, rotating, so every case meets many endpoints
                for (int k = 0; k < 4; k++) {
                    int u = (rotation++ + k) % UNICODE.size();
                    out.add(Map.entry(name + ":unicode#" + u, Http.write(withUnknown(name, UNICODE.get(u)))));
                }
                out.add(Map.entry(name + ":raw-lone-surrogate", "{\"" + name + "\":\"\\ud800\\u0000\",\"fuzzUnknown\":1}"));
            }
        }
        out.add(Map.entry("all-wrong-types", Http.write(allWrong)));
        out.add(Map.entry("unknown-field-only", "{\"fuzzUnknownField\":\"x\",\"_class\":\"java.lang.Runtime\"}"));
        return out;
    }

    private static Map<String, Object> withUnknown(String name, String value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(name, value);
        body.put("fuzzUnknownField", Set.of(1));
        return body;
    }

    private static Object wrongType(String type) {
        return switch (type == null ? "" : type) {
            case "integer", "number" -> "not-a-number-\u0000";
            case "boolean" -> "perhaps";
            case "array" -> Map.of("$in", List.of(1));
            case "object" -> List.of(1, 2, 3);
            default -> Map.of("$gt", "");
        };
    }
}
