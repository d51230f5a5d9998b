package org.crmsuite.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code crm-platform-defaults.yml} as the lowest-precedence configuration of every service: actuator
 * exposure, publisher confirms, listener retry, Eureka on loopback, tracing. A service's own
 * {@code application.yml} and the environment override any of it.
 */
public class PlatformDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // one id per JVM, resolved once (unlike ${random.uuid}): Eureka's instance id and the ping agree
        environment.getPropertySources().addLast(new org.springframework.core.env.MapPropertySource("crm-instance",
                java.util.Map.of("crm.instance.id", java.util.UUID.randomUUID().toString().substring(0, 8))));
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load("crm-platform-defaults",
                    new ClassPathResource("crm-platform-defaults.yml"))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}
