package org.crmsuite.identity.auth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.crmsuite.platform.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.util.StringUtils;

/**
 * The OAuth2 clients, built from configuration: every instance builds the same list, so nothing about clients needs
 * to be shared at run time. A client's registration id is its client id, which is what stored authorizations refer
 * to, so an authorization started on one instance is understood by all.
 */
final class RegisteredClients {

    /** Client setting holding the role names a client-credentials token carries. */
    static final String ROLES_SETTING = "crm.roles";

    /** Prefix of the secrets shipped in application.yml, which only a developer machine may use. */
    static final String LOCAL_SECRET_PREFIX = "local-";

    private static final Logger log = LoggerFactory.getLogger(RegisteredClients.class);

    private RegisteredClients() {
    }

    static RegisteredClientRepository from(IdentityProperties settings, PasswordEncoder encoder, boolean localRun) {
        List<RegisteredClient> clients = new ArrayList<>();
        settings.getPublicClients().forEach((clientId, client) -> clients.add(publicClient(clientId, client, settings)));
        settings.getMachineClients().forEach((clientId, client) -> {
            if (!localRun && client.getSecret() != null && client.getSecret().startsWith(LOCAL_SECRET_PREFIX)) {
                log.warn("OAuth2 client '{}' uses its LOCAL default secret; set its CRM_CLIENT_SECRET_* variable", clientId);
            }
            clients.add(machineClient(clientId, client, settings, encoder));
        });
        if (clients.isEmpty()) {
            throw new IllegalStateException("no OAuth2 clients configured under crm.identity.public-clients / machine-clients");
        }
        return new InMemoryRegisteredClientRepository(clients);
    }

    private static RegisteredClient publicClient(String clientId, IdentityProperties.PublicClient client,
            IdentityProperties settings) {
        return RegisteredClient.withId(clientId)
                .clientId(clientId)
                .clientName(StringUtils.hasText(client.getName()) ? client.getName() : clientId)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(trimmed(client.getRedirectUris())))
                .postLogoutRedirectUris(uris -> uris.addAll(trimmed(client.getPostLogoutRedirectUris())))
                .scopes(scopes -> scopes.addAll(trimmed(client.getScopes())))
                // first-party apps: PKCE instead of a secret they could not keep, and no consent screen
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(settings.getAccessTokenTtl())
                        .authorizationCodeTimeToLive(settings.getAuthorizationCodeTtl())
                        .build())
                .build();
    }

    private static RegisteredClient machineClient(String clientId, IdentityProperties.MachineClient client,
            IdentityProperties settings, PasswordEncoder encoder) {
        if (!StringUtils.hasText(client.getSecret())) {
            throw new IllegalStateException("OAuth2 client '" + clientId + "' has no secret (crm.identity.machine-clients."
                    + clientId + ".secret)");
        }
        if (client.getRoles().isEmpty()) {
            throw new IllegalStateException("OAuth2 client '" + clientId + "' has no roles (crm.identity.machine-clients."
                    + clientId + ".roles)");
        }
        ClientSettings.Builder clientSettings = ClientSettings.builder().requireAuthorizationConsent(false);
        clientSettings.setting(ROLES_SETTING, roleNames(client.getRoles()));
        return RegisteredClient.withId(clientId)
                .clientId(clientId)
                .clientSecret(encoder.encode(client.getSecret()))
                .clientName(StringUtils.hasText(client.getName()) ? client.getName() : clientId)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientSettings(clientSettings.build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(settings.getAccessTokenTtl()).build())
                .build();
    }

    /** The role names a client's tokens carry (empty for public clients, whose tokens carry the person's). */
    static List<String> roles(RegisteredClient client) {
        Object roles = client.getClientSettings().getSettings().get(ROLES_SETTING);
        if (roles instanceof Collection<?> names) {
            return names.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    private static List<String> roleNames(Collection<Role> roles) {
        return roles.stream().map(Role::name).sorted().toList();
    }

    private static List<String> trimmed(List<String> values) {
        return values.stream().map(String::strip).filter(StringUtils::hasText).toList();
    }
}
