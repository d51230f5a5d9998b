package org.crmsuite.platform.mongo;

import java.net.InetSocketAddress;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * With {@code crm.embedded-mongo.enabled=true} (tests, a service started on its own) starts an in-memory MongoDB
 * wire server on a free loopback port and points {@code spring.mongodb.uri} at it. The suite's local run starts
 * one persistent server for all services instead (see the launcher); production sets a real URI.
 */
public class EmbeddedMongoEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String ENABLED = "crm.embedded-mongo.enabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty(ENABLED, Boolean.class, false)
                || !ClassUtils.isPresent("de.bwaldvogel.mongo.MongoServer", getClass().getClassLoader())) {
            return;
        }
        if (environment.getPropertySources().contains("crm-embedded-mongo")) {
            return;
        }
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "embedded-mongo-shutdown"));
        String uri = "mongodb://127.0.0.1:" + address.getPort();
        environment.getPropertySources().addFirst(new MapPropertySource("crm-embedded-mongo",
                Map.of("spring.mongodb.uri", uri, "crm.embedded-mongo.uri", uri)));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
