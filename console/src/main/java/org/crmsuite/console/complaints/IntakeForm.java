package org.crmsuite.console.complaints;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The filing form (CO-1 channel, CO-2 record) as an agent on the phone fills it in. Its inputs are named after the
 * intake API's JSON fields ({@code contact.name} for {@code contact: {name}}), so the service's field errors land
 * next to the right input. Lists (products, stores, staff) are typed one per line.
 */
final class IntakeForm {

    /** CO-1 channels staff file through; {@code PARTNER_SYSTEM} is the partner systems' own (400 for staff use). */
    static final List<String> CHANNELS = List.of("PHONE", "EMAIL", "LETTER", "FAX", "WEB_FORM", "IN_PERSON",
            "SUGGESTION_BOX", "SMS", "SOCIAL_MEDIA");
    static final List<String> CATEGORIES = List.of("PRODUCT_QUALITY", "SERVICE_ATTITUDE", "DELIVERY", "ORDER_MISMATCH",
            "POLICY", "OTHER");
    static final List<String> LEVELS = List.of("L1", "L2", "L3");
    static final List<String> CONTACT_KINDS = List.of("CUSTOMER", "CONSUMER", "FRANCHISEE");

    /** The inputs the form shows; the service's messages about any other field are listed above the form. */
    static final List<String> FIELDS = List.of("channel", "category", "level", "customerId", "contact.name",
            "contact.phone", "contact.email", "contact.kind", "content", "products", "stores", "staff", "relatedTo",
            "complainantKnown");

    private static final List<String> LISTS = List.of("products", "stores", "staff");

    private IntakeForm() {
    }

    /** A new form: a phone call about an ordinary (L1) matter, as most are. */
    static Map<String, String> blank() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("channel", "PHONE");
        form.put("level", "L1");
        return form;
    }

    /** The {@code POST /api/v1/complaints} body: blank inputs left out, so the service's defaults apply. */
    static Map<String, Object> body(Map<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : List.of("channel", "category", "level", "customerId", "content", "relatedTo")) {
            putText(body, field, form.get(field));
        }
        Map<String, Object> contact = new LinkedHashMap<>();
        for (String field : List.of("name", "phone", "email", "kind")) {
            putText(contact, field, form.get("contact." + field));
        }
        if (!contact.isEmpty()) {
            body.put("contact", contact);
        }
        for (String field : LISTS) {
            List<String> lines = lines(form.get(field));
            if (!lines.isEmpty()) {
                body.put(field, lines);
            }
        }
        return body;
    }

    private static void putText(Map<String, Object> target, String field, String value) {
        if (value != null && !value.isBlank()) {
            target.put(field, value.trim());
        }
    }

    private static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R")).map(String::trim).filter(line -> !line.isEmpty()).toList();
    }
}
