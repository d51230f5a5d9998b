package org.crmsuite.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.crmsuite.gateway.Problems;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.config.GlobalCorsProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.util.StringUtils;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.reactive.function.client.WebClient;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

/**
 * The gateway is the suite's authentication point (ARCHITECTURE.md, "Caller identity"): a stateless OAuth2 resource
 * server. Every request needs a valid access token from identity, except health, info, metrics, CORS preflight and
 * the staff console's pages; the token then travels to the service unchanged in {@code Authorization}, which checks
 * it again and authorises from its claims. The gateway itself keeps no session and shows no login page: the console
 * does both for its own pages, and its API calls come back through here with the person's token like any client's.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ SecuritySettings.class, IdentityHeaderFilter.Settings.class,
        SecurityHeadersFilter.Settings.class })
class GatewaySecurityConfiguration {

    /** Open to probes and scrapers without a token; everything else, API or not, needs one (fail closed). */
    static final String[] OPEN_PATHS = { "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus" };

    /**
     * The staff console's pages, any method (its forms post): it signs its users in itself (authorization code + PKCE
     * at identity, its own session cookie and CSRF tokens), and a browser never holds a bearer token to send. Only
     * the console route serves these paths (the same path patterns as its route); a token that is sent anyway is
     * still checked, and a bad one is refused as everywhere else.
     */
    static final String[] CONSOLE_PATHS = { "/console/**" };

    /** The gateway's root, redirected to the console (the console-home route); nothing else is served there. */
    static final String HOME = "/";

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ReactiveJwtDecoder accessTokens, Problems problems,
            GlobalCorsProperties cors) {
        AuthenticationProblems refusals = new AuthenticationProblems(problems);
        ServerWebExchangeMatcher preflight = exchange -> CorsUtils.isPreFlightRequest(exchange.getRequest())
                ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                // SecurityHeadersFilter owns the response headers, for every response and overriding the services'
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                // the gateway's CORS settings, applied before authentication: a preflight never carries a token, and
                // a 401 to an allowed origin must still be readable by the browser app
                .cors(spec -> spec.configurationSource(corsSource(cors)))
                .authorizeExchange(rules -> rules
                        .matchers(preflight).permitAll()
                        .pathMatchers(HttpMethod.GET, OPEN_PATHS).permitAll()
                        .pathMatchers(CONSOLE_PATHS).permitAll()
                        .pathMatchers(HttpMethod.GET, HOME).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(accessTokens))
                        .authenticationEntryPoint(refusals)
                        .accessDeniedHandler(refusals))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(refusals)
                        .accessDeniedHandler(refusals));
        return http.build();
    }

    /**
     * RS256 only, keys from identity's JWKS: {@code alg: none}, HMAC (including the "public key as HMAC secret"
     * trick) and any other algorithm are refused before a signature is looked at. Then {@code iss}, {@code aud},
     * {@code exp} (required) and {@code nbf} with a small skew, and a {@code sub} to know the caller by.
     */
    @Bean
    ReactiveJwtDecoder accessTokenDecoder(SecuritySettings settings,
            @Value("${crm.gateway.verified-tokens.max-age:60s}") Duration maxAge,
            @Value("${crm.gateway.verified-tokens.max-entries:2000}") int maxEntries) {
        ReactiveJwtDecoder checks = checkingDecoder(settings);
        return maxAge.isZero() ? checks : new VerifiedTokens(checks, Clock.systemUTC(), maxAge, maxEntries);
    }

    private static ReactiveJwtDecoder checkingDecoder(SecuritySettings settings) {
        HttpClient keysClient = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.jwkSetTimeout().toMillis())
                .responseTimeout(settings.jwkSetTimeout());
        NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withJwkSetUri(settings.jwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .webClient(WebClient.builder().clientConnector(new ReactorClientHttpConnector(keysClient)).build())
                .build();
        nimbus.setJwtValidator(validator(settings));
        // keys that cannot be fetched are not a bad token: signalled as a JwtException, Spring Security turns it into
        // an AuthenticationServiceException, which ProblemJsonErrorHandler answers with 503 auth.unavailable
        return token -> nimbus.decode(token).onErrorMap(error -> !(error instanceof JwtException),
                error -> new JwtException("The identity service's signing keys could not be read", error));
    }

    static OAuth2TokenValidator<Jwt> validator(SecuritySettings settings) {
        JwtTimestampValidator expiry = new JwtTimestampValidator(settings.clockSkew());
        expiry.setAllowEmptyExpiryClaim(false);
        return new DelegatingOAuth2TokenValidator<>(List.of(
                expiry,
                new JwtIssuerValidator(settings.issuer()),
                new JwtAudienceValidator(settings.audience()),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, StringUtils::hasText)));
    }

    private static CorsConfigurationSource corsSource(GlobalCorsProperties cors) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        cors.getCorsConfigurations().forEach(source::registerCorsConfiguration);
        return source;
    }
}
