package org.crmsuite.platform.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.crmsuite.platform.identity.CallerResolver;
import org.crmsuite.platform.identity.Role;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Each service is an OAuth2 resource server: {@code /api/**} needs a valid JWT whose {@code roles} claim becomes
 * {@code ROLE_*} authorities. Health, metrics and the OpenAPI document stay open for operations.
 * 401 and 403 are problem+json. {@code crm.security.enabled=false} lets every request through — for a
 * module's own experiments only; the suite runs with it on.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration")
public class SecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    @ConditionalOnProperty(name = "crm.security.enabled", havingValue = "true")
    SecurityFilterChain resourceServer(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(SecurityAutoConfiguration::authentication))
                        .authenticationEntryPoint(ProblemSecurityHandlers::unauthenticated)
                        .accessDeniedHandler(ProblemSecurityHandlers::accessDenied))
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemSecurityHandlers::unauthenticated)
                        .accessDeniedHandler(ProblemSecurityHandlers::accessDenied));
        return http.build();
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    @ConditionalOnProperty(name = "crm.security.enabled", havingValue = "false", matchIfMissing = true)
    SecurityFilterChain open(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }

    /** Maps the token's {@code roles} claim to {@code ROLE_*} authorities; for modules that build their own chain. */
    public static AbstractAuthenticationToken authentication(Jwt jwt) {
        Collection<GrantedAuthority> authorities = new ArrayList<>();
        for (Role role : CallerResolver.from(jwt).roles()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        }
        return new JwtAuthenticationToken(jwt, List.copyOf(authorities), jwt.getSubject());
    }

    public static Converter<Jwt, AbstractAuthenticationToken> converter() {
        return SecurityAutoConfiguration::authentication;
    }
}
