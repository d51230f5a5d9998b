package org.crmsuite.console.security;

import java.time.Clock;

import org.crmsuite.console.ConsoleSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The signed-in person's access token, as identity issued it at sign-in (kept in their console session). A public
 * client gets no refresh token, so a token that is about to expire is dropped and the person is sent through
 * identity again ({@link SignInAgain}); the console never calls an API with a token the gateway would refuse.
 */
@Component
public class AccessTokens {

    private final OAuth2AuthorizedClientRepository clients;
    private final ConsoleSettings settings;
    private final Clock clock;

    AccessTokens(OAuth2AuthorizedClientRepository clients, ConsoleSettings settings, Clock clock) {
        this.clients = clients;
        this.settings = settings;
        this.clock = clock;
    }

    /** The bearer token for the current request's person. */
    public String current() {
        ServletRequestAttributes attributes = (ServletRequestAttributes) RequestContextHolder.getRequestAttributes();
        Authentication person = SecurityContextHolder.getContext().getAuthentication();
        if (attributes == null || person == null) {
            throw new SignInAgain("no signed-in person on this request");
        }
        HttpServletRequest request = attributes.getRequest();
        OAuth2AuthorizedClient client = clients.loadAuthorizedClient(settings.clientId(), person, request);
        if (client == null) {
            throw new SignInAgain("no access token in the session");
        }
        OAuth2AccessToken token = client.getAccessToken();
        if (token.getExpiresAt() != null && !clock.instant().plus(settings.tokenMargin()).isBefore(token.getExpiresAt())) {
            forget(person, request, attributes.getResponse());
            throw new SignInAgain("the access token expires at " + token.getExpiresAt());
        }
        return token.getTokenValue();
    }

    /** Drops the current token, e.g. after the gateway refused it. */
    public void forgetCurrent() {
        ServletRequestAttributes attributes = (ServletRequestAttributes) RequestContextHolder.getRequestAttributes();
        Authentication person = SecurityContextHolder.getContext().getAuthentication();
        if (attributes != null && person != null) {
            forget(person, attributes.getRequest(), attributes.getResponse());
        }
    }

    private void forget(Authentication person, HttpServletRequest request, HttpServletResponse response) {
        clients.removeAuthorizedClient(settings.clientId(), person, request, response);
    }
}
