package org.crmsuite.platform.calls;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;

/**
 * This service's own access token (client credentials at the suite's issuer, client id = the service's name),
 * cached until shortly before it expires. Calls to other services carry it, so the called service knows which
 * service called ({@code sub}) and that it is one ({@code roles: [SERVICE]}).
 */
public class ServiceTokens {

    public static final String REGISTRATION = "crm-service";

    private static final AnonymousAuthenticationToken SERVICE_PRINCIPAL = new AnonymousAuthenticationToken("service",
            "service", AuthorityUtils.createAuthorityList("ROLE_SERVICE"));

    private final OAuth2AuthorizedClientManager clients;

    public ServiceTokens(OAuth2AuthorizedClientManager clients) {
        this.clients = clients;
    }

    /** @throws ServiceTokenUnavailableException when the issuer cannot be reached or refuses this service */
    public String accessToken() {
        try {
            OAuth2AuthorizedClient client = clients.authorize(
                    OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION).principal(SERVICE_PRINCIPAL).build());
            if (client == null) {
                throw new ServiceTokenUnavailableException("the issuer gave no token", null);
            }
            return client.getAccessToken().getTokenValue();
        } catch (ServiceTokenUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ServiceTokenUnavailableException(e.getMessage(), e);
        }
    }

    public static class ServiceTokenUnavailableException extends RuntimeException {
        public ServiceTokenUnavailableException(String message, Throwable cause) {
            super("no service token: " + message, cause);
        }
    }
}
