package org.crmsuite.console.visits;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.util.MultiValueMap;

/**
 * The visit record form (VI-3 with the VI-4 scored report) as typed: every input is named after the field of
 * {@code POST /api/v1/visits} it fills, so the service's problem+json {@code errors[].field} lands next to it.
 * Lists (participants, problems solved, next steps) are one item a line; the visit time is the local time of the
 * business calendar. {@code idempotencyKey} is made when the form is shown and sent with every try, so a form sent
 * twice (double click, back and send again, a timeout and a retry) files one record.
 */
record RecordForm(String customerId, String planId, String mode, String visitedAt, String place, String participants,
        String content, String customerFeedback, String problemsSolved, String nextSteps, String productQuality,
        String serviceAttitude, String productReputation, String idempotencyKey) {

    /** VI-3: on site, by phone or by video (visit-service's {@code Mode}). */
    static final List<String> MODES = List.of("ON_SITE", "PHONE", "VIDEO");

    /** The VI-4 dimensions, by the name of their field in the request's {@code report}. */
    static final List<String> DIMENSIONS = List.of("productQuality", "serviceAttitude", "productReputation");

    /** The inputs the form shows, by the API's field names: a problem about any other field is listed above it. */
    static final List<String> FIELDS = List.of("customerId", "planId", "mode", "visitedAt", "place", "participants",
            "content", "customerFeedback", "problemsSolved", "nextSteps", "report.productQuality",
            "report.serviceAttitude", "report.productReputation");

    static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    /** A new form, possibly for a plan from the due list, dated now. */
    static RecordForm blank(String customerId, String planId, LocalDateTime now) {
        return new RecordForm(customerId, planId, "ON_SITE", LOCAL_INPUT.format(now.truncatedTo(ChronoUnit.MINUTES)),
                null, null, null, null, null, null, null, null, null, UUID.randomUUID().toString());
    }

    static RecordForm from(MultiValueMap<String, String> params) {
        String key = trimmed(params.getFirst("idempotencyKey"));
        return new RecordForm(trimmed(params.getFirst("customerId")), trimmed(params.getFirst("planId")),
                trimmed(params.getFirst("mode")), trimmed(params.getFirst("visitedAt")), trimmed(params.getFirst("place")),
                params.getFirst("participants"), params.getFirst("content"), params.getFirst("customerFeedback"),
                params.getFirst("problemsSolved"), params.getFirst("nextSteps"),
                trimmed(params.getFirst("report.productQuality")), trimmed(params.getFirst("report.serviceAttitude")),
                trimmed(params.getFirst("report.productReputation")),
                // only a key this form made is reused; anything else (a forged header value) gets a fresh one
                isUuid(key) ? key : UUID.randomUUID().toString());
    }

    RecordForm withCustomerId(String id) {
        return new RecordForm(id, planId, mode, visitedAt, place, participants, content, customerFeedback, problemsSolved,
                nextSteps, productQuality, serviceAttitude, productReputation, idempotencyKey);
    }

    /**
     * What the console itself cannot turn into the API's types, field → message key; the API is not called while
     * any is left. What the console can send (a blank required field, a wrong label) the service judges.
     */
    Map<String, String> unreadable(ZoneId zone) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (visitedAt != null && visitedAtInstant(zone) == null) {
            errors.put("visitedAt", "visits.error.visitedAt");
        }
        if (mode != null && !MODES.contains(mode)) {
            errors.put("mode", "visits.error.mode");
        }
        return errors;
    }

    /** The JSON of {@code POST /api/v1/visits}; absent fields are left out rather than sent as null. */
    Map<String, Object> body(ZoneId zone) {
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, "customerId", customerId);
        put(body, "planId", planId);
        put(body, "mode", mode);
        put(body, "visitedAt", visitedAtInstant(zone) == null ? null : visitedAtInstant(zone).toString());
        put(body, "place", place);
        put(body, "participants", lines(participants));
        put(body, "content", blankToNull(content));
        put(body, "customerFeedback", blankToNull(customerFeedback));
        put(body, "problemsSolved", lines(problemsSolved));
        put(body, "nextSteps", lines(nextSteps));
        // VI-4: a report is rated on all three scales or not at all; a missing one is the service's to name
        if (productQuality != null || serviceAttitude != null || productReputation != null) {
            Map<String, Object> report = new LinkedHashMap<>();
            put(report, "productQuality", productQuality);
            put(report, "serviceAttitude", serviceAttitude);
            put(report, "productReputation", productReputation);
            body.put("report", report);
        }
        return body;
    }

    /** The rating chosen for a dimension, by its field name (the template reads it so). */
    public String rating(String dimension) {
        return switch (dimension) {
            case "productQuality" -> productQuality;
            case "serviceAttitude" -> serviceAttitude;
            case "productReputation" -> productReputation;
            default -> null;
        };
    }

    private java.time.Instant visitedAtInstant(ZoneId zone) {
        if (visitedAt == null) {
            return null;
        }
        try { // the browser's datetime-local input, read in the business calendar's zone
            return LocalDateTime.parse(visitedAt).atZone(zone).toInstant();
        } catch (DateTimeParseException local) {
            try { // a time with its offset, e.g. pasted from elsewhere
                return OffsetDateTime.parse(visitedAt).toInstant();
            } catch (DateTimeParseException offset) {
                return null;
            }
        }
    }

    private static List<String> lines(String text) {
        if (text == null) {
            return null;
        }
        List<String> items = Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
        return items.isEmpty() ? null : items;
    }

    private static void put(Map<String, Object> body, String field, Object value) {
        if (value != null) {
            body.put(field, value);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String trimmed(String text) {
        return blankToNull(text);
    }

    private static boolean isUuid(String text) {
        if (text == null) {
            return false;
        }
        try {
            return UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
