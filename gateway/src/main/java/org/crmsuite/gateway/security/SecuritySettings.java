package org.crmsuite.gateway.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * Which access tokens the gateway accepts ({@code crm.security.*}, docs/security.md).
 *
 * @param issuer     the identity service's issuer: a token's {@code iss} must equal it exactly
 * @param jwkSetUri  where the issuer's public signing keys are read (cached, re-read for an unknown key id)
 * @param audience   a token's {@code aud} must contain it
 * @param clockSkew  how far {@code exp}/{@code nbf} may be off between the issuer's clock and ours
 * @param jwkSetTimeout how long reading the keys may take before the request is answered 503
 */
@ConfigurationProperties("crm.security")
record SecuritySettings(String issuer, String jwkSetUri, String audience, Duration clockSkew, Duration jwkSetTimeout) {

    SecuritySettings {
        Assert.hasText(issuer, "crm.security.issuer must be set");
        Assert.hasText(jwkSetUri, "crm.security.jwk-set-uri must be set");
        Assert.hasText(audience, "crm.security.audience must be set");
        Assert.isTrue(clockSkew != null && !clockSkew.isNegative() && clockSkew.compareTo(Duration.ofMinutes(5)) <= 0,
                "crm.security.clock-skew must be between 0 and 5 minutes");
        Assert.isTrue(jwkSetTimeout != null && !jwkSetTimeout.isNegative() && !jwkSetTimeout.isZero(), "crm.security.jwk-set-timeout must be positive");
    }
}
