package org.crmsuite.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A request the domain refuses, with the HTTP status and the stable problem {@code code}
 * (e.g. {@code customer.blacklisted}) that clients may switch on. Extra properties are
 * copied into the problem+json body.
 */
public class DomainException extends RuntimeException {

    private static final java.util.Set<String> RESERVED = java.util.Set.of("type", "title", "status", "detail",
            "instance", "code");

    private final HttpStatus status;
    private final String code;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public DomainException(HttpStatus status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    /**
     * An extra member of the problem body ({@code errors} for field errors). The RFC 9457 members and {@code code} are
     * not available: a second {@code "status"} would make the body say two things, and JSON readers keep the last.
     */
    public DomainException with(String name, Object value) {
        if (RESERVED.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is a problem+json member of its own; name the property after what it is");
        }
        properties.put(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public static DomainException notFound(String resource, String id) {
        return new DomainException(HttpStatus.NOT_FOUND, resource + ".not-found",
                "No " + resource + " with id '" + id + "'").with("id", id);
    }

    public static DomainException conflict(String code, String detail) {
        return new DomainException(HttpStatus.CONFLICT, code, detail);
    }

    public static DomainException badRequest(String code, String detail) {
        return new DomainException(HttpStatus.BAD_REQUEST, code, detail);
    }

    public static DomainException unavailable(String code, String detail) {
        return new DomainException(HttpStatus.SERVICE_UNAVAILABLE, code, detail);
    }
}
