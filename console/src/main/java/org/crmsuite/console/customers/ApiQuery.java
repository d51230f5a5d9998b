package org.crmsuite.console.customers;

import java.util.ArrayList;
import java.util.List;

/**
 * A gateway path with optional query parameters, as a URI template and its values: only the filters a person filled
 * in are sent, and each value is expanded (so encoded) as a template variable — a name like {@code A&B {x}} reaches
 * the service as typed, never as a second parameter or a template of its own.
 */
final class ApiQuery {

    private final StringBuilder template;
    private final List<Object> values = new ArrayList<>();
    private boolean first = true;

    private ApiQuery(String path) {
        this.template = new StringBuilder(path);
    }

    /** {@code path} may hold its own template variables, e.g. {@code /api/v1/customers/{id}/history}. */
    static ApiQuery of(String path, Object... pathValues) {
        ApiQuery query = new ApiQuery(path);
        query.values.addAll(List.of(pathValues));
        return query;
    }

    /** Adds {@code name=value} unless the value is null or blank. */
    ApiQuery param(String name, Object value) {
        if (value == null || value.toString().isBlank()) {
            return this;
        }
        template.append(first ? '?' : '&').append(name).append("={").append(name).append('}');
        values.add(value.toString().strip());
        first = false;
        return this;
    }

    /** A page number from an address: anything that is none counts as the first page. */
    static int pageNumber(String text) {
        try {
            return text == null ? 0 : Math.max(0, Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    String template() {
        return template.toString();
    }

    Object[] values() {
        return values.toArray();
    }
}
