package org.crmsuite.console.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service answered a call with an error: its RFC 9457 problem ({@code code}, {@code title}, {@code detail} and,
 * for validation, {@code errors[]} naming fields). Forms show {@link #messageFor(String)} next to the field the
 * service named, and the rest above the form.
 *
 * @param status HTTP status
 * @param code   the service's stable code, e.g. {@code customer.blacklisted}; {@code null} if the body had none
 * @param title  short summary
 * @param detail what exactly was wrong
 * @param errors field → message, in the order the service gave them
 */
public record ApiProblem(int status, String code, String title, String detail, Map<String, String> errors) {

    public ApiProblem {
        errors = errors == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    /** The service's message about this field, or {@code null}. Matches {@code contacts[0].phone} for {@code contacts}
     *  only when asked for exactly; forms name their inputs after the API's fields. */
    public String messageFor(String field) {
        return errors.get(field);
    }

    public boolean hasFieldErrors() {
        return !errors.isEmpty();
    }

    /** Messages for fields the form does not show, so that none is lost. */
    public List<String> messagesExcept(java.util.Collection<String> shownFields) {
        return errors.entrySet().stream().filter(entry -> !shownFields.contains(entry.getKey()))
                .map(entry -> entry.getKey() + ": " + entry.getValue()).toList();
    }

    /** The most useful single line for a person: the detail, else the title. */
    public String summary() {
        return detail != null && !detail.isBlank() ? detail : (title != null ? title : "HTTP " + status);
    }
}
