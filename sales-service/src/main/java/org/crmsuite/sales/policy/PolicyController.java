package org.crmsuite.sales.policy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.identity.Role;
import org.crmsuite.sales.access.Forbidden;
import org.crmsuite.sales.access.SalesAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/reception/policy}: read by any staff role, changed by an administrator only. */
@RestController
class PolicyController {

    private final Policies policies;

    PolicyController(Policies policies) {
        this.policies = policies;
    }

    record PolicyUpdate(@NotNull @Valid SalesPolicy policy, @NotNull @Min(0) Long version) {
    }

    @GetMapping("/api/v1/reception/policy")
    Policies.Versioned get(Caller caller) {
        SalesAccess.requireStaff(caller);
        return policies.versioned();
    }

    @PutMapping("/api/v1/reception/policy")
    Policies.Versioned replace(@Valid @RequestBody PolicyUpdate body, Caller caller) {
        Forbidden.unless(caller.has(Role.ADMIN), "Only an administrator changes the policy");
        return policies.replace(body.policy(), body.version(), caller.id());
    }
}
