package org.crmsuite.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the suite's RFC 9457 problem bodies: {@code type}, {@code title}, {@code status}, {@code detail}, {@code code}, {@code errors[]}. */
public final class Problems {

    /** Problem types are URNs derived from the stable code, so clients never need a network look-up. */
    public static final String TYPE_PREFIX = "urn:crm:problem:";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + code));
        problem.setProperty("code", code);
        return problem;
    }

    public static ProblemDetail withErrors(ProblemDetail problem, List<FieldError> errors) {
        problem.setProperty("errors", errors);
        return problem;
    }

    public static ProblemDetail withProperties(ProblemDetail problem, Map<String, Object> properties) {
        properties.forEach(problem::setProperty);
        return problem;
    }

    /** One entry of {@code errors[]}: which field, and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
