package org.crmsuite.console.customers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The customer search as the page's form and address carry it: the filters of {@code GET /api/v1/customers}
 * (docs/customers.md, CU-1) by their API names, all text, checked here only as far as the console offers choices.
 */
record SearchForm(String name, String nameMatch, String registrationNumber, String phone, String ownerId,
        String departmentId, String category, String grade, String tier, String status, String sort, String page) {

    static final List<String> NAME_MATCHES = List.of("CONTAINS", "PREFIX");
    static final List<String> CATEGORIES = List.of("KEY", "GENERAL", "POTENTIAL");
    static final List<String> GRADES = List.of("VIP", "PREFERRED", "QUALIFIED");
    static final List<String> TIERS = List.of("NEW", "ORDINARY", "ONE_STAR", "TWO_STAR", "THREE_STAR");
    static final List<String> STATUSES = List.of("ACTIVE", "SUSPENDED", "ARCHIVED");
    /** The orders the page offers; CU-9's priority (VIP first) among them. */
    static final List<String> SORTS = List.of("name", "priority", "updatedAt,desc", "lastVerifiedAt", "registrationNumber");

    /** Every input of the form, for the messages that belong to none of them. */
    static final List<String> FIELDS = List.of("name", "nameMatch", "registrationNumber", "phone", "ownerId",
            "departmentId", "category", "grade", "tier", "status", "sort", "page");

    /** Field → message key for each value that is none of the choices the page offers. */
    Map<String, String> invalid() {
        Map<String, String> errors = new LinkedHashMap<>();
        choice(errors, "nameMatch", nameMatch, NAME_MATCHES);
        choice(errors, "category", category, CATEGORIES);
        choice(errors, "grade", grade, GRADES);
        choice(errors, "tier", tier, TIERS);
        choice(errors, "status", status, STATUSES);
        choice(errors, "sort", sort, SORTS);
        if (pageNumber() < 0) {
            errors.put("page", "customers.form.page");
        }
        return errors;
    }

    /** The page asked for, 0 when none; -1 when it is no page number. */
    int pageNumber() {
        if (blank(page)) {
            return 0;
        }
        try {
            int number = Integer.parseInt(page.strip());
            return number < 0 ? -1 : number;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    ApiQuery apiQuery(int size) {
        return ApiQuery.of("/api/v1/customers").param("name", name)
                .param("nameMatch", blank(name) ? null : nameMatch).param("registrationNumber", registrationNumber)
                .param("phone", phone).param("ownerId", ownerId).param("departmentId", departmentId)
                .param("category", category).param("grade", grade).param("tier", tier).param("status", status)
                .param("sort", sort).param("page", pageNumber()).param("size", size);
    }

    /** This search at another page, as the browser's address. */
    String pageUrl(int number) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/console/customers");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("nameMatch", nameMatch);
        values.put("registrationNumber", registrationNumber);
        values.put("phone", phone);
        values.put("ownerId", ownerId);
        values.put("departmentId", departmentId);
        values.put("category", category);
        values.put("grade", grade);
        values.put("tier", tier);
        values.put("status", status);
        values.put("sort", sort);
        values.forEach((key, value) -> {
            if (!blank(value)) {
                url.queryParam(key, value.strip());
            }
        });
        return url.queryParam("page", number).build().encode().toUriString();
    }

    private static void choice(Map<String, String> errors, String field, String value, List<String> choices) {
        if (!blank(value) && !choices.contains(value.strip())) {
            errors.put(field, "customers.form.choice");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
