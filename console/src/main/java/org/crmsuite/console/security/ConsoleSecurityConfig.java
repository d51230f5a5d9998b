package org.crmsuite.console.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.crmsuite.console.ConsoleSettings;
import org.crmsuite.platform.sessions.MongoSessions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;


/**
 * Sign-in by OpenID Connect at identity (authorization code + PKCE, the console being a public client with no
 * secret to keep), a session cookie scoped to {@code /console}, CSRF tokens on every form and htmx request, and a
 * Content-Security-Policy that runs only the console's own scripts. Sessions live in MongoDB, so any console
 * instance serves any request.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
class ConsoleSecurityConfig {

    static final String REGISTRATION_PATH = "/console/oauth2/authorization";
    static final String CALLBACK_PATH = "/console/login/oauth2/code/*";

    @Bean
    SecurityFilterChain console(HttpSecurity http, ClientRegistrationRepository registrations,
            ConsoleSettings settings) throws Exception {
        String signIn = REGISTRATION_PATH + "/" + settings.clientId();
        OidcClientInitiatedLogoutSuccessHandler signedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        signedOut.setPostLogoutRedirectUri("{baseUrl}/console/");
        http.authorizeHttpRequests(rules -> rules
                        // the inbox badge is polled by every page: after the session ends it answers empty rather
                        // than reloading a page that may hold a half-filled form
                        .requestMatchers(HttpMethod.GET, "/console/ping", "/console/assets/**", "/console/webjars/**",
                                "/console/inbox/badge",
                                "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                        .permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .loginPage(signIn)
                        .authorizationEndpoint(endpoint -> endpoint.baseUri(REGISTRATION_PATH))
                        .redirectionEndpoint(endpoint -> endpoint.baseUri(CALLBACK_PATH))
                        .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(rolesFromIdToken()))
                        .defaultSuccessUrl("/console/", false))
                .logout(logout -> logout
                        .logoutUrl("/console/logout")
                        .logoutSuccessHandler(signedOut))
                .exceptionHandling(handling -> handling
                        .defaultAuthenticationEntryPointFor(HtmxRequests::signInAgain, HtmxRequests.MATCHER)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(signIn),
                                request -> true))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(settings)))
                        .frameOptions(frame -> frame.deny())
                        // not no-referrer: under it a browser posts a form with "Origin: null", which the gateway's
                        // CORS check (rightly) refuses; same-origin sends the console's own origin and nothing outside
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * Only the console's own files run; no inline script or style. {@code form-action} names identity too, because
     * signing out posts a form whose answer redirects there.
     */
    static String contentSecurityPolicy(ConsoleSettings settings) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                + "font-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
                + "form-action 'self' " + origin(settings.issuer());
    }

    private static String origin(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    /** identity's endpoints, given rather than discovered, so the console starts while identity is still starting. */
    @Bean
    ClientRegistrationRepository clientRegistrations(ConsoleSettings settings) {
        ClientRegistration console = ClientRegistration.withRegistrationId(settings.clientId())
                .clientId(settings.clientId())
                .clientName("CRM console")
                // a public client: Spring Security adds PKCE (S256) to every authorization request
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/console/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .issuerUri(settings.issuer())
                .authorizationUri(settings.issuer() + "/oauth2/authorize")
                .tokenUri(settings.identityUrl() + "/oauth2/token")
                .jwkSetUri(settings.identityUrl() + "/oauth2/jwks")
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", settings.issuer() + "/connect/logout"))
                .build();
        return new InMemoryClientRegistrationRepository(console);
    }

    /** The ID token's {@code roles} claim as {@code ROLE_*} authorities. */
    private static GrantedAuthoritiesMapper rolesFromIdToken() {
        return authorities -> {
            Set<GrantedAuthority> mapped = new HashSet<>(authorities);
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc
                        && oidc.getIdToken().getClaims().get("roles") instanceof Collection<?> roles) {
                    roles.forEach(role -> mapped.add(new SimpleGrantedAuthority("ROLE_" + role)));
                }
            }
            return mapped;
        };
    }

    /**
     * Tokens live in the person's session (MongoDB), not in one instance's memory, which is where Spring Boot would
     * otherwise keep a signed-in person's tokens: another console instance must find them.
     */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    @Bean
    MongoSessions consoleSessions(MongoTemplate mongo, Clock clock,
            @Value("${server.servlet.session.timeout:8h}") Duration timeout) {
        return new MongoSessions(mongo, clock, timeout, "console_sessions");
    }

    /** Its own cookie name and path: on the gateway's host it must not meet another application's session. */
    @Bean
    CookieSerializer consoleCookie() {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName("CRM_CONSOLE_SESSION");
        cookie.setCookiePath("/console");
        cookie.setUseHttpOnlyCookie(true);
        // Lax: the return from identity's login page is a top-level navigation from another origin
        cookie.setSameSite("Lax");
        return cookie;
    }

}
