package org.crmsuite.identity.auth;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.crmsuite.identity.directory.Directory;
import org.crmsuite.platform.config.SecurityAutoConfiguration;
import org.crmsuite.platform.identity.Role;
import org.crmsuite.platform.jobs.MongoLeases;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.util.StringUtils;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import tools.jackson.databind.json.JsonMapper;

/**
 * The authorization server and who may call what. Three filter chains, tried in order:
 * <ol>
 * <li>the OAuth2 / OIDC endpoints ({@code /oauth2/**}, {@code /.well-known/**}, {@code /userinfo},
 * {@code /connect/logout}); a browser that is not logged in is sent to the login form;</li>
 * <li>the directory API ({@code /api/**}): a bearer token issued here (or by the provider named in
 * {@code crm.identity.api-token-issuer}); reads for any member of staff or service, writes for ADMIN; 401/403 as
 * problem+json;</li>
 * <li>everything else: the login form, and health, metrics and the OpenAPI document open for operations.</li>
 * </ol>
 * Because this module defines its own chains, the platform's default resource-server chain stands back.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfig {

    /** Everyone who may read the directory: all staff roles and services; partners may not. */
    private static final String[] DIRECTORY_READERS = Arrays.stream(Role.values()).filter(role -> role != Role.PARTNER)
            .map(Role::name).toArray(String[]::new);

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(Customizer.withDefaults());
        });
        http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                // /userinfo takes the access token
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), browser()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain directoryApi(HttpSecurity http, JsonMapper json, JwtDecoder ownTokens, IdentityProperties settings)
            throws Exception {
        ApiProblems problems = new ApiProblems(json);
        JwtDecoder apiTokens = StringUtils.hasText(settings.getApiTokenIssuer())
                ? externalTokens(settings.getApiTokenIssuer().strip(), settings.getAudience())
                : ownTokens;
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(HttpMethod.GET, "/api/v1/staff/ping").permitAll()
                        .requestMatchers("/api/v1/signing-keys/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(DIRECTORY_READERS)
                        .anyRequest().hasRole(Role.ADMIN.name()))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(apiTokens).jwtAuthenticationConverter(SecurityAutoConfiguration.converter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain loginForm(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.permitAll());
        return http.build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties settings) {
        return AuthorizationServerSettings.builder().issuer(settings.getIssuer()).build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    RegisteredClientRepository registeredClients(IdentityProperties settings, PasswordEncoder encoder,
            Environment environment) {
        return RegisteredClients.from(settings, encoder, environment.acceptsProfiles(Profiles.of("local", "test")));
    }

    @Bean
    SigningKeys signingKeys(MongoTemplate mongo, Clock clock, MongoLeases leases, SigningKeyPolicy policy,
            IdentityProperties settings) {
        if (policy.retireAfter().compareTo(settings.getAccessTokenTtl()) < 0) {
            throw new IllegalArgumentException("crm.identity.signing-keys.retire-after (" + policy.retireAfter()
                    + ") must be at least the access-token lifetime (" + settings.getAccessTokenTtl() + ")");
        }
        SigningKeys keys = new SigningKeys(mongo, clock, leases, policy);
        keys.ensureOne();
        return keys;
    }

    /** The JWKS: every published key (the signing one, one waiting to take over, one retiring). */
    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
        return (selector, context) -> selector.select(new JWKSet(List.<JWK>copyOf(keys.published())));
    }

    /** Signs with the key whose turn it is, among the published ones. */
    @Bean
    JwtEncoder jwtEncoder(JWKSource<SecurityContext> jwkSource, SigningKeys keys) {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(jwkSource);
        encoder.setJwkSelector(candidates -> {
            String signing = keys.signingKid();
            return candidates.stream().filter(key -> signing.equals(key.getKeyID())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the signing key " + signing + " is not published"));
        });
        return encoder;
    }

    /** Checks this service's own tokens (/userinfo, and /api/** by default): signature, expiry, issuer, audience. */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys, IdentityProperties settings) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).build();
        decoder.setJwtValidator(validator(settings.getIssuer(), settings.getAudience()));
        return decoder;
    }

    /** Tokens of another OIDC provider, its keys found through its discovery document on first use. */
    private static JwtDecoder externalTokens(String issuer, String audience) {
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = JwtDecoders.fromIssuerLocation(issuer);
            decoder.setJwtValidator(validator(issuer, audience));
            return decoder;
        });
    }

    private static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)));
    }

    @Bean
    OAuth2AuthorizationService authorizationService(MongoTemplate mongo, Clock clock, IdentityProperties settings) {
        return new MongoAuthorizationService(mongo, clock, settings.getPendingAuthorizationTtl());
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims(Directory directory, IdentityProperties settings) {
        return new TokenClaims(directory, settings.getAudience());
    }

    @Bean
    UserDetailsService staffLogin(Directory directory) {
        return new StaffLogin(directory);
    }

    private static MediaTypeRequestMatcher browser() {
        MediaTypeRequestMatcher matcher = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        matcher.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return matcher;
    }
}
