package org.crmsuite.notification.policy;

import jakarta.validation.Valid;

import org.crmsuite.notification.access.Access;
import org.crmsuite.platform.identity.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The notification policy: management reads it, ADMIN replaces it (with the version read). */
@RestController
class PolicyController {

    private final Policies policies;

    PolicyController(Policies policies) {
        this.policies = policies;
    }

    @GetMapping("/api/v1/notifications/policy")
    NotificationPolicy get(Caller caller) {
        Access.requireManagement(caller);
        return policies.current();
    }

    @PutMapping("/api/v1/notifications/policy")
    NotificationPolicy put(@Valid @RequestBody NotificationPolicy policy, Caller caller) {
        Access.requireAdmin(caller);
        return policies.replace(policy, caller.id());
    }
}
