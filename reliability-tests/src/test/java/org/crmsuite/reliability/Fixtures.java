package org.crmsuite.reliability;

import java.util.LinkedHashMap;
import java.util.Map;

import org.crmsuite.reliability.support.Http;

/** Request bodies the scenarios send (the shapes of docs/ and the services' request records). */
final class Fixtures {

    private Fixtures() {
    }

    /** POST /api/v1/customers: a new customer of {@code department}. */
    static String customer(String name, String registrationNumber, String department) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("registrationNumber", registrationNumber);
        body.put("departmentId", department);
        body.put("ownerId", "demo-sales-1");
        body.put("address", "1 Reliability Road");
        body.put("region", "East");
        body.put("industry", "Testing");
        // the scenarios' customers have similar names on purpose: not the near-duplicate check (CU-11) under test
        body.put("confirmDuplicate", true);
        return Http.write(body);
    }

    /** PUT /api/v1/customers/{id}: the editable profile at {@code version}. */
    static String customerUpdate(String name, String registrationNumber, long version, String address) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("registrationNumber", registrationNumber);
        body.put("address", address);
        body.put("region", "East");
        body.put("industry", "Testing");
        body.put("version", version);
        return Http.write(body);
    }

    /** POST /api/v1/complaints about a registered customer. */
    static String complaint(String customerId, String content, String receivedAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", "PHONE");
        body.put("category", "PRODUCT_QUALITY");
        body.put("content", content);
        body.put("customerId", customerId);
        if (receivedAt != null) {
            body.put("receivedAt", receivedAt);
        }
        return Http.write(body);
    }
}
