package org.crmsuite.platform.config;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.crmsuite.platform.mongo.MongoPingHealthIndicator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The service's MongoDB client: a {@code ping} health check (Boot's needs {@code hello}, which the embedded wire
 * server cannot answer), and short timeouts for reaching the server, so that with the database unreachable a request
 * is answered 503 within seconds instead of waiting the driver's 30 s for a server (threads piling up meanwhile).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
        afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
public class MongoHealthAutoConfiguration {

    @Bean(name = "mongoHealthIndicator")
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    /** Applied before the connection string, so a timeout given in {@code spring.mongodb.uri} still wins. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    MongoClientSettingsBuilderCustomizer crmMongoTimeouts(
            @Value("${crm.mongo.server-selection-timeout:3s}") Duration serverSelection,
            @Value("${crm.mongo.connect-timeout:2s}") Duration connect) {
        return settings -> settings
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(serverSelection.toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(connect.toMillis(), TimeUnit.MILLISECONDS));
    }
}
