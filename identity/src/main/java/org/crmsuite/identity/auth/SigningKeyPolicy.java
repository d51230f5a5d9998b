package org.crmsuite.identity.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When token signing keys change ({@code crm.identity.signing-keys.*}, docs/identity.md "Signing keys").
 *
 * @param rotateEvery  how long one key signs before the next takes over
 * @param publishAhead how long a new key is in the JWKS before it signs, so that resource servers holding a cached
 *                     JWKS know it before the first token it signed reaches them
 * @param retireAfter  how long a key stays in the JWKS after its successor took over, so that tokens it signed
 *                     verify until they expire; at least the access-token lifetime
 * @param checkEvery   how often an instance checks whether a rotation is due
 * @param cacheFor     how long an instance keeps the key set it read before reading it again
 */
@ConfigurationProperties("crm.identity.signing-keys")
record SigningKeyPolicy(@DefaultValue("90d") Duration rotateEvery, @DefaultValue("1h") Duration publishAhead,
        @DefaultValue("1d") Duration retireAfter, @DefaultValue("10m") Duration checkEvery,
        @DefaultValue("30s") Duration cacheFor) {

    SigningKeyPolicy {
        if (rotateEvery.compareTo(publishAhead.plus(retireAfter)) <= 0) {
            throw new IllegalArgumentException("crm.identity.signing-keys.rotate-every (" + rotateEvery
                    + ") must be longer than publish-ahead + retire-after (" + publishAhead.plus(retireAfter) + ")");
        }
        if (publishAhead.compareTo(cacheFor) <= 0) {
            throw new IllegalArgumentException("crm.identity.signing-keys.publish-ahead (" + publishAhead
                    + ") must be longer than cache-for (" + cacheFor + "): every instance must know a key before it signs");
        }
    }
}
