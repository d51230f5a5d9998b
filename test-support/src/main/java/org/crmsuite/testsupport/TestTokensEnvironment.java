package org.crmsuite.testsupport;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In a test with {@code crm.test.tokens=true}, makes the service's resource server trust {@link TestTokens}:
 * issuer and JWKS URI of the loopback test issuer.
 */
public class TestTokensEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("crm.test.tokens", Boolean.class, false)) {
            return;
        }
        TestTokens tokens = TestTokens.get();
        environment.getPropertySources().addFirst(new MapPropertySource("crm-test-tokens", Map.of(
                "crm.security.issuer", tokens.issuer(),
                "crm.security.jwk-set-uri", tokens.jwkSetUri())));
    }
}
