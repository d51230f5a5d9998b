package org.crmsuite.visit.policy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.identity.Role;
import org.crmsuite.visit.access.Access;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/visits/policy}: the VI-1 cadence table and the VI-6/VI-7 deadlines, read by staff, changed by an
 * administrator only. A change applies to plans generated from then on (and at once to customers whose plans are
 * regenerated); plans already made keep their dates.
 */
@RestController
class PolicyController {

    private final Policies policies;

    PolicyController(Policies policies) {
        this.policies = policies;
    }

    record PolicyUpdate(@NotNull @Valid CadencePolicy policy, @NotNull @Min(0) Long version) {
    }

    @GetMapping("/api/v1/visits/policy")
    Policies.Versioned get(Caller caller) {
        Access.requireStaff(caller);
        return policies.versioned();
    }

    @PutMapping("/api/v1/visits/policy")
    Policies.Versioned replace(@Valid @RequestBody PolicyUpdate body, Caller caller) {
        Access.require(caller.has(Role.ADMIN), "Only an administrator changes the visit cadence policy");
        return policies.replace(body.policy(), body.version(), caller.id());
    }
}
