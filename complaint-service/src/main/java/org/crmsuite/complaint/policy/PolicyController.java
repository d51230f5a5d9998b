package org.crmsuite.complaint.policy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.crmsuite.complaint.access.Access;
import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.identity.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/complaints/policy}: read by staff, changed by an administrator only. */
@RestController
class PolicyController {

    private final Policies policies;

    PolicyController(Policies policies) {
        this.policies = policies;
    }

    record PolicyUpdate(@NotNull @Valid ComplaintPolicy policy, @NotNull @Min(0) Long version) {
    }

    @GetMapping("/api/v1/complaints/policy")
    Policies.Versioned get(Caller caller) {
        Access.requireStaff(caller);
        return policies.versioned();
    }

    @PutMapping("/api/v1/complaints/policy")
    Policies.Versioned replace(@Valid @RequestBody PolicyUpdate body, Caller caller) {
        Access.require(caller.has(Role.ADMIN), "Only an administrator changes the complaint policy");
        return policies.replace(body.policy(), body.version(), caller.id());
    }
}
