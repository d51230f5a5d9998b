package org.crmsuite.console;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import org.crmsuite.platform.sessions.MongoSessions;
import org.springframework.session.MapSession;
import org.springframework.web.context.support.WebApplicationContextUtils;

import jakarta.servlet.http.Cookie;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A person signed in to the console, as identity's sign-in would leave them: an OIDC principal (ID token with
 * {@code sub}, {@code name}, {@code roles}, {@code dept}) and their access token in the session, where
 * {@code AccessTokens} reads it: a real session in the console's MongoDB store, sent as its session cookie. The token value is what the WireMock gateway sees in {@code Authorization}.
 */
public final class SignedIn {

    private SignedIn() {
    }

    /** e.g. {@code SignedIn.as("sales1", "dept-sales-east", "SALES")}; the bearer token is {@code token-<id>}. */
    public static RequestPostProcessor as(String staffId, String department, String... roles) {
        return as(staffId, department, Instant.now().plusSeconds(600), roles);
    }

    public static RequestPostProcessor as(String staffId, String department, Instant tokenExpiry, String... roles) {
        RequestPostProcessor principal = oidcLogin().clientRegistration(registration())
                .idToken(token -> token.subject(staffId).claim("name", "Test " + staffId)
                        .claim("preferred_username", staffId).claim("roles", List.of(roles))
                        .claim("dept", department))
                .authorities(java.util.Arrays.stream(roles)
                        .<org.springframework.security.core.GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                        .toList());
        return request -> {
            request = principal.postProcessRequest(request);
            // the console's real session store (MongoDB), read through its session cookie as in the browser
            MongoSessions sessions = WebApplicationContextUtils
                    .getRequiredWebApplicationContext(request.getServletContext()).getBean(MongoSessions.class);
            MapSession session = sessions.createSession();
            Map<String, OAuth2AuthorizedClient> clients = new HashMap<>();
            clients.put("crm-console", new OAuth2AuthorizedClient(registration(), staffId,
                    new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "token-" + staffId,
                            tokenExpiry.minusSeconds(900), tokenExpiry)));
            session.setAttribute(HttpSessionOAuth2AuthorizedClientRepository.class.getName() + ".AUTHORIZED_CLIENTS", clients);
            sessions.save(session);
            String cookie = Base64.getEncoder().encodeToString(session.getId().getBytes(StandardCharsets.UTF_8));
            Cookie[] existing = request.getCookies() == null ? new Cookie[0] : request.getCookies();
            Cookie[] cookies = Arrays.copyOf(existing, existing.length + 1);
            cookies[existing.length] = new Cookie("CRM_CONSOLE_SESSION", cookie);
            request.setCookies(cookies);
            return request;
        };
    }

    private static ClientRegistration registration() {
        return ClientRegistration.withRegistrationId("crm-console").clientId("crm-console")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/console/login/oauth2/code/{registrationId}")
                .authorizationUri("http://localhost:9000/oauth2/authorize").tokenUri("http://localhost:9000/oauth2/token")
                .build();
    }
}
