package org.crmsuite.platform.config;

import java.time.Clock;
import java.time.Duration;

import org.crmsuite.platform.calls.ServiceTokenInterceptor;
import org.crmsuite.platform.calls.ServiceTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.openfeign.CircuitBreakerNameResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

import feign.RequestInterceptor;

/**
 * Calls between services: each service gets its own token by client credentials ({@code crm.security.token-uri},
 * client id = {@code spring.application.name}, secret {@code crm.security.client-secret}) and every Feign client
 * sends it. Timeouts, the Resilience4j breaker and the fallbacks are set per client in each service.
 */
@AutoConfiguration
@ConditionalOnClass(RequestInterceptor.class)
public class ServiceCallsAutoConfiguration {

    /**
     * The breaker behind a Feign client is named after the service it calls ({@code @FeignClient(name =
     * "customer-service")}), so {@code resilience4j.circuitbreaker.instances.customer-service.*} configures it, and
     * two clients of one service share its breaker. By default it would be named after each method's signature; and
     * the name handed to the resolver is the client's {@code contextId} when it has one, so the service's name is
     * taken from the target. Either way such settings would be silently ignored.
     */
    @Bean
    @ConditionalOnMissingBean
    CircuitBreakerNameResolver circuitBreakerNameResolver() {
        return (feignClientName, target, method) -> target.name();
    }

    @Bean
    @ConditionalOnProperty(name = "crm.security.enabled", havingValue = "true", matchIfMissing = true)
    ServiceTokens serviceTokens(@Value("${spring.application.name}") String service,
            @Value("${crm.security.token-uri}") String tokenUri, @Value("${crm.security.client-secret}") String secret,
            Clock clock) {
        ClientRegistration registration = ClientRegistration.withRegistrationId(ServiceTokens.REGISTRATION)
                .clientId(service)
                .clientSecret(secret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenUri(tokenUri)
                .build();
        var registrations = new InMemoryClientRegistrationRepository(registration);
        var manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations,
                new InMemoryOAuth2AuthorizedClientService(registrations));
        ClientCredentialsOAuth2AuthorizedClientProvider provider = new ClientCredentialsOAuth2AuthorizedClientProvider();
        provider.setClock(clock);
        provider.setClockSkew(Duration.ofSeconds(60)); // renew a minute before expiry
        manager.setAuthorizedClientProvider(provider);
        return new ServiceTokens(manager);
    }

    @Bean
    @ConditionalOnProperty(name = "crm.security.enabled", havingValue = "true", matchIfMissing = true)
    ServiceTokenInterceptor serviceTokenInterceptor(ServiceTokens tokens) {
        return new ServiceTokenInterceptor(tokens);
    }
}
