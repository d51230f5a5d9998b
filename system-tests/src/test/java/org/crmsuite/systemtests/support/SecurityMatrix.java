package org.crmsuite.systemtests.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The executable role × endpoint matrix ({@code security-matrix.yml}, from docs/security.md): which services must be
 * covered completely, the callers (one token each), reusable fixtures, and one row per endpoint (or per case of an
 * endpoint) with a concrete request and the expected outcome for every caller.
 */
public record SecurityMatrix(List<Service> services, Map<String, Caller> callers, Map<String, List<Step>> fixtures,
        List<Row> rows) {

    /** A service whose OpenAPI document every row set must cover; {@code ping} proves the gateway routes to it. */
    public record Service(String module, String ping) {
    }

    /** One token: {@code sub}, {@code dept} (may be null) and {@code roles}. */
    public record Caller(String name, String sub, String dept, List<String> roles) {
    }

    /**
     * A request; {@code as} is the caller of a fixture step, {@code capture} names values of its JSON answer. A fixture
     * step with {@code await} (seconds) reads what an event makes elsewhere (asynchronously): it is repeated until it
     * answers 2xx with every captured value present, for at most that long.
     */
    public record Step(String as, String method, String path, Map<String, String> headers, Object body,
            Map<String, String> capture, Integer await) {
    }

    /**
     * One endpoint (as its OpenAPI document names it, {@code "GET /api/v1/customers/{id}"}) in one situation.
     *
     * @param fixture  run before every cell, for that cell alone (fresh state per caller), or null
     * @param expect   caller → expected outcome: {@code ok} (any 2xx) or a status code; {@code others} for the rest
     */
    public record Row(String service, String endpoint, String title, String fixture, Step request,
            Map<String, String> expect, String note) {

        public String method() {
            return endpoint.substring(0, endpoint.indexOf(' '));
        }

        public String expectationFor(String caller) {
            String outcome = expect.get(caller);
            if (outcome == null) {
                outcome = expect.get("others");
            }
            if (outcome == null) {
                throw new IllegalStateException("the row " + endpoint + " (" + title + ") has no expectation for " + caller
                        + " and no 'others'");
            }
            return outcome;
        }
    }

    public static SecurityMatrix load(String resource) {
        Map<String, Object> root;
        try (InputStream in = SecurityMatrix.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the test class path");
            }
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(1000); // rows share their expectations and fixtures by YAML aliases
            root = new Yaml(new SafeConstructor(options)).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Service> services = new ArrayList<>();
        for (Map<String, Object> s : maps(root.get("services"))) {
            services.add(new Service(text(s.get("module")), text(s.get("ping"))));
        }
        Map<String, Caller> callers = new LinkedHashMap<>();
        for (Map.Entry<String, Object> c : map(root.get("callers")).entrySet()) {
            Map<String, Object> fields = map(c.getValue());
            callers.put(c.getKey(), new Caller(c.getKey(), text(fields.get("sub")), text(fields.get("dept")),
                    texts(fields.get("roles"))));
        }
        Map<String, List<Step>> fixtures = new LinkedHashMap<>();
        for (Map.Entry<String, Object> f : map(root.get("fixtures")).entrySet()) {
            List<Step> steps = new ArrayList<>();
            for (Map<String, Object> step : maps(f.getValue())) {
                steps.add(step(step, text(step.get("method"))));
            }
            fixtures.put(f.getKey(), steps);
        }
        List<Row> rows = new ArrayList<>();
        for (Map<String, Object> r : maps(root.get("endpoints"))) {
            String endpoint = text(r.get("endpoint"));
            Map<String, Object> request = r.containsKey("request") ? map(r.get("request")) : Map.of();
            Map<String, String> expect = new LinkedHashMap<>();
            map(r.get("expect")).forEach((caller, outcome) -> expect.put(caller, String.valueOf(outcome)));
            for (String caller : expect.keySet()) {
                if (!caller.equals("others") && !callers.containsKey(caller)) {
                    throw new IllegalStateException(endpoint + " expects something of an unknown caller " + caller);
                }
            }
            String fixture = text(r.get("fixture"));
            if (fixture != null && !fixtures.containsKey(fixture)) {
                throw new IllegalStateException(endpoint + " names an unknown fixture " + fixture);
            }
            Step step = step(request, endpoint.substring(0, endpoint.indexOf(' ')));
            if (step.path() == null) {
                step = new Step(null, step.method(), endpoint.substring(endpoint.indexOf(' ') + 1), step.headers(),
                        step.body(), Map.of(), null);
            }
            rows.add(new Row(text(r.get("service")), endpoint, text(r.get("case")), fixture, step, expect, text(r.get("note"))));
        }
        return new SecurityMatrix(services, callers, fixtures, rows);
    }

    private static Step step(Map<String, Object> fields, String method) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (fields.get("headers") != null) {
            map(fields.get("headers")).forEach((name, value) -> headers.put(name, String.valueOf(value)));
        }
        Map<String, String> capture = new LinkedHashMap<>();
        if (fields.get("capture") != null) {
            map(fields.get("capture")).forEach((name, pointer) -> capture.put(name, String.valueOf(pointer)));
        }
        Integer await = fields.get("await") == null ? null : Integer.valueOf(String.valueOf(fields.get("await")));
        return new Step(text(fields.get("as")), method, text(fields.get("path")), headers, fields.get("body"), capture,
                await);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> texts(Object value) {
        return value == null ? List.of() : ((List<Object>) value).stream().map(String::valueOf).toList();
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
