package org.crmsuite.identity.auth;

import java.util.List;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Token signing keys for administrators (ADMIN only, on identity itself — not routed by the gateway): which keys
 * exist and their state, never their material; and a rotation now. The scheduled rotation runs here too.
 */
@RestController
class SigningKeyController {

    /** {@code dropPrevious}: the older keys leave the JWKS at once (compromise), ending every token they signed. */
    record Rotation(Boolean dropPrevious) {
    }

    private final SigningKeys keys;

    SigningKeyController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping("/api/v1/signing-keys")
    List<SigningKeys.KeyState> list() {
        return keys.states();
    }

    @PostMapping("/api/v1/signing-keys/rotation")
    SigningKeys.KeyState rotate(@RequestBody(required = false) Rotation rotation) {
        return keys.rotateNow(rotation != null && Boolean.TRUE.equals(rotation.dropPrevious()));
    }

    @Scheduled(fixedDelayString = "${crm.identity.signing-keys.check-every:10m}",
            initialDelayString = "${crm.identity.signing-keys.check-every:10m}")
    void scheduledRotation() {
        keys.rotateIfDue();
    }
}
