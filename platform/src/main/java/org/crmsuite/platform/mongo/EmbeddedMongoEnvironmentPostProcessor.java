package org.crmsuite.platform.mongo;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * With {@code crm.embedded-mongo.enabled=true} (tests, a service started on its own) starts an in-memory MongoDB
 * wire server on a free loopback port and points {@code spring.mongodb.uri} at it. The suite's local run starts
 * one persistent server for all services instead (see the launcher); production sets a real URI.
 * <p>
 * mongo-java-server is an optional dependency, absent from the services' runnable jars: it is only touched
 * (through {@link EmbeddedMongoServer}) once the property asks for it and the class is present.
 */
public class EmbeddedMongoEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String ENABLED = "crm.embedded-mongo.enabled";
    private static final String SOURCE = "crm-embedded-mongo";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty(ENABLED, Boolean.class, false) || environment.getPropertySources().contains(SOURCE)) {
            return;
        }
        if (!ClassUtils.isPresent("de.bwaldvogel.mongo.MongoServer", getClass().getClassLoader())) {
            throw new IllegalStateException(ENABLED + "=true but mongo-java-server is not on the classpath");
        }
        String uri = EmbeddedMongoServer.startInMemory();
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE,
                Map.of("spring.mongodb.uri", uri, "crm.embedded-mongo.uri", uri)));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
