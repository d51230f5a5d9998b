package org.crmsuite.sales.staff;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The identity module's staff directory: who remains to take over a leaver's customers (SA-8). No fallback: a
 * departure is never handled on a guess; when identity does not answer, the event is retried and then dead-lettered.
 */
@FeignClient(name = "identity", contextId = "salesStaffDirectory", url = "${crm.sales.identity-url:}")
interface StaffDirectory {

    @GetMapping("/api/v1/departments/{departmentId}/staff")
    StaffPage staffOf(@PathVariable("departmentId") String departmentId, @RequestParam("role") String role,
            @RequestParam("status") String status, @RequestParam("size") int size);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StaffPage(List<Staff> items, long totalItems) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Staff(String id, String name) {
    }
}
