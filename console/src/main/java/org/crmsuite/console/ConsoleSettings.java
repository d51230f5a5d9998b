package org.crmsuite.console;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the console finds the suite (application.yml, {@code crm.console}).
 *
 * @param gatewayUrl    base URL of the gateway, where every API call goes (never a service directly)
 * @param issuer        identity's issuer as browsers reach it: the login page and the {@code iss} of its tokens
 * @param identityUrl   where this server reaches identity's token and key endpoints (differs from the issuer when
 *                      the console runs in a network of its own, e.g. docker compose); blank = the issuer
 * @param clientId      the console's OAuth2 client at identity (a public client: PKCE, no secret)
 * @param connectTimeout how long an API call may wait for a connection to the gateway
 * @param readTimeout   how long an API call may wait for its answer; a page then shows the part as unavailable
 * @param tokenMargin   an access token expiring sooner than this is not used: the person is sent to sign in again
 *                      (identity remembers them, so that is a redirect, not a form)
 */
@ConfigurationProperties("crm.console")
public record ConsoleSettings(String gatewayUrl, String issuer, String identityUrl, String clientId,
        Duration connectTimeout, Duration readTimeout, Duration tokenMargin) {

    public ConsoleSettings {
        gatewayUrl = trimSlash(gatewayUrl == null ? "http://localhost:8080" : gatewayUrl);
        issuer = trimSlash(issuer == null ? "http://localhost:9000" : issuer);
        identityUrl = identityUrl == null || identityUrl.isBlank() ? issuer : trimSlash(identityUrl);
        clientId = clientId == null || clientId.isBlank() ? "crm-console" : clientId;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(1) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
        tokenMargin = tokenMargin == null ? Duration.ofSeconds(30) : tokenMargin;
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
