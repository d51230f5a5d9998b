package org.crmsuite.identity.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.crmsuite.platform.identity.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the authorization server ({@code crm.identity.*}); the defaults live in application.yml. */
@ConfigurationProperties("crm.identity")
public class IdentityProperties {

    /** The tokens' {@code iss}; every instance and every resource server must agree on it. */
    private String issuer = "http://localhost:9000";
    /** The access tokens' {@code aud}: what every service checks before it accepts a token. */
    private String audience = "crm-api";
    /**
     * The issuer whose tokens the directory API accepts. Empty: this server. Set to another OIDC provider's issuer
     * URI when the suite logs in there instead (docs/identity.md, "Another OIDC provider").
     */
    private String apiTokenIssuer = "";
    private Duration accessTokenTtl = Duration.ofMinutes(15);
    private Duration authorizationCodeTtl = Duration.ofMinutes(5);
    /** How long an authorization that holds no token yet (e.g. waiting for consent) is kept. */
    private Duration pendingAuthorizationTtl = Duration.ofHours(1);
    /** First-party apps by client id: authorization code with PKCE, no secret. */
    private Map<String, PublicClient> publicClients = new LinkedHashMap<>();
    /** Systems by client id: client credentials with a secret, and the roles their tokens carry. */
    private Map<String, MachineClient> machineClients = new LinkedHashMap<>();

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }

    public String getApiTokenIssuer() {
        return apiTokenIssuer;
    }

    public void setApiTokenIssuer(String apiTokenIssuer) {
        this.apiTokenIssuer = apiTokenIssuer;
    }

    public Duration getAccessTokenTtl() {
        return accessTokenTtl;
    }

    public void setAccessTokenTtl(Duration accessTokenTtl) {
        this.accessTokenTtl = accessTokenTtl;
    }

    public Duration getAuthorizationCodeTtl() {
        return authorizationCodeTtl;
    }

    public void setAuthorizationCodeTtl(Duration authorizationCodeTtl) {
        this.authorizationCodeTtl = authorizationCodeTtl;
    }

    public Duration getPendingAuthorizationTtl() {
        return pendingAuthorizationTtl;
    }

    public void setPendingAuthorizationTtl(Duration pendingAuthorizationTtl) {
        this.pendingAuthorizationTtl = pendingAuthorizationTtl;
    }

    public Map<String, PublicClient> getPublicClients() {
        return publicClients;
    }

    public void setPublicClients(Map<String, PublicClient> publicClients) {
        this.publicClients = publicClients;
    }

    public Map<String, MachineClient> getMachineClients() {
        return machineClients;
    }

    public void setMachineClients(Map<String, MachineClient> machineClients) {
        this.machineClients = machineClients;
    }

    public static class PublicClient {
        private String name;
        private List<String> redirectUris = new ArrayList<>();
        private List<String> postLogoutRedirectUris = new ArrayList<>();
        private List<String> scopes = new ArrayList<>(List.of("openid", "profile", "email"));

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public List<String> getRedirectUris() {
            return redirectUris;
        }

        public void setRedirectUris(List<String> redirectUris) {
            this.redirectUris = redirectUris;
        }

        public List<String> getPostLogoutRedirectUris() {
            return postLogoutRedirectUris;
        }

        public void setPostLogoutRedirectUris(List<String> postLogoutRedirectUris) {
            this.postLogoutRedirectUris = postLogoutRedirectUris;
        }

        public List<String> getScopes() {
            return scopes;
        }

        public void setScopes(List<String> scopes) {
            this.scopes = scopes;
        }
    }

    public static class MachineClient {
        private String name;
        private String secret;
        private Set<Role> roles = EnumSet.noneOf(Role.class);

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getSecret() {
            return secret;
        }

        public void setSecret(String secret) {
            this.secret = secret;
        }

        public Set<Role> getRoles() {
            return roles;
        }

        public void setRoles(Set<Role> roles) {
            this.roles = roles;
        }
    }
}
