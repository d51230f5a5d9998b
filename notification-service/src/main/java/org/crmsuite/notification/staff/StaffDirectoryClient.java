package org.crmsuite.notification.staff;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The identity module's staff directory (docs/identity.md): who a person is and how to reach them, and who fills the
 * manager and director tiers of a department. A 404 answers null; anything else degrades through
 * {@link StaffDirectoryFallback} into {@link DirectoryUnavailableException}, and the notification waits and is resolved
 * again later: never lost, never guessed.
 */
@FeignClient(name = "identity", contextId = "notificationStaffDirectory", url = "${crm.notification.identity-url:}",
        fallbackFactory = StaffDirectoryFallback.class)
public interface StaffDirectoryClient {

    @GetMapping("/api/v1/staff/{id}")
    Staff staff(@PathVariable("id") String id);

    @GetMapping("/api/v1/departments/{id}/manager")
    Staff managerOf(@PathVariable("id") String departmentId);

    @GetMapping("/api/v1/departments/{id}/director")
    Staff directorOf(@PathVariable("id") String departmentId);

    @GetMapping("/api/v1/staff/{id}/escalation")
    Escalation escalationOf(@PathVariable("id") String staffId);

    // tolerant readers: identity may add fields
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Staff(String id, String name, String email, String phone, String locale, String status, List<String> roles,
            String departmentId) {

        public boolean active() {
            return !"LEFT".equals(status);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Escalation(Staff person, Staff manager, Staff director) {
    }
}
