package org.crmsuite.notification.preferences;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import org.crmsuite.notification.access.Access;
import org.crmsuite.notification.policy.QuietHours;
import org.crmsuite.notification.preferences.Preferences.Preference;
import org.crmsuite.platform.identity.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Consent and preferences: customer-facing staff record a customer's care opt-out; each person sets their own. */
@RestController
class PreferenceController {

    private final Preferences preferences;

    PreferenceController(Preferences preferences) {
        this.preferences = preferences;
    }

    record CustomerPreference(boolean careOptOut, @Valid QuietHours quietHours,
            @Pattern(regexp = "zh-CN|en") String locale) {
    }

    record StaffPreference(@Valid QuietHours quietHours, @Pattern(regexp = "zh-CN|en") String locale, Boolean digest) {
    }

    @GetMapping("/api/v1/notifications/preferences/customers/{customerId}")
    Preference customer(@PathVariable String customerId, Caller caller) {
        Access.requireCustomerStaff(caller);
        String key = Preferences.customerKey(customerId);
        return preferences.find(key).orElse(new Preference(key, false, null, null, null, null, null));
    }

    @PutMapping("/api/v1/notifications/preferences/customers/{customerId}")
    Preference putCustomer(@PathVariable String customerId, @Valid @RequestBody CustomerPreference body, Caller caller) {
        Access.requireCustomerStaff(caller);
        return preferences.save(Preferences.customerKey(customerId), body.careOptOut(), body.quietHours(), body.locale(), null,
                caller.id());
    }

    @GetMapping("/api/v1/notifications/preferences/me")
    Preference mine(Caller caller) {
        Access.requireStaff(caller);
        String key = Preferences.staffKey(caller.id());
        return preferences.find(key).orElse(new Preference(key, false, null, null, null, null, null));
    }

    @PutMapping("/api/v1/notifications/preferences/me")
    Preference putMine(@Valid @RequestBody StaffPreference body, Caller caller) {
        Access.requireStaff(caller);
        return preferences.save(Preferences.staffKey(caller.id()), false, body.quietHours(), body.locale(), body.digest(),
                caller.id());
    }
}
