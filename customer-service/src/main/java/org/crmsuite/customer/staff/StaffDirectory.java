package org.crmsuite.customer.staff;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The identity module's staff directory, for who remains to take over a leaver's customers (CU-10). No fallback:
 * a departure must not be handled on a guess; when identity does not answer, the event is retried and then
 * dead-lettered for a re-drive.
 */
@FeignClient(name = "identity", contextId = "staffDirectory", url = "${crm.customer.identity-url:}")
public interface StaffDirectory {

    @GetMapping("/api/v1/departments/{departmentId}/staff")
    StaffPage staffOf(@PathVariable("departmentId") String departmentId, @RequestParam("role") String role,
            @RequestParam("status") String status, @RequestParam("size") int size);

    // a tolerant reader: identity may add fields without breaking this service
    @JsonIgnoreProperties(ignoreUnknown = true)
    record StaffPage(List<Staff> items, long totalItems) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Staff(String id, String name) {
    }
}
