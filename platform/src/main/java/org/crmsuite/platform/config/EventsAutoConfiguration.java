package org.crmsuite.platform.config;

import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;

import org.crmsuite.platform.events.AggregateRoot;
import org.crmsuite.platform.events.AggregateStore;
import org.crmsuite.platform.events.DeadLetterRecoverer;
import org.crmsuite.platform.events.DeadLetters;
import org.crmsuite.platform.events.EventPublisher;
import org.crmsuite.platform.events.EventReader;
import org.crmsuite.platform.events.EventsProperties;
import org.crmsuite.platform.events.IdempotentConsumer;
import org.crmsuite.platform.events.OutboxRelay;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.json.JsonMapper;

/** The event platform: exchanges, the outbox store and relay, idempotent consumers, dead-lettering. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@EnableConfigurationProperties(EventsProperties.class)
public class EventsAutoConfiguration {

    @Bean
    TopicExchange crmEventsExchange(EventsProperties events) {
        return new TopicExchange(events.getExchange(), true, false);
    }

    @Bean
    DirectExchange crmDeadLetterExchange(EventsProperties events) {
        return new DirectExchange(events.getDeadLetterExchange(), true, false);
    }

    @Bean
    EventPublisher eventPublisher(RabbitTemplate rabbit, JsonMapper json, EventsProperties events) {
        return new EventPublisher(rabbit, json, events.getExchange(), events.getRelay().getConfirmTimeout());
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, EventPublisher publisher, Clock clock, EventsProperties events) {
        return new OutboxRelay(mongo, publisher, clock, () -> aggregateCollections(mongo), events.getRelay());
    }

    @Bean
    AggregateStore aggregateStore(MongoTemplate mongo, Clock clock, JsonMapper json, EventsProperties events,
            @Value("${spring.application.name:service}") String application, @Lazy OutboxRelay relay) {
        String source = events.getSource() != null ? events.getSource() : "/" + application;
        return new AggregateStore(mongo, clock, json, source, relay::nudge);
    }

    @Bean
    IdempotentConsumer idempotentConsumer(MongoTemplate mongo, Clock clock, EventsProperties events) {
        return new IdempotentConsumer(mongo, clock, events.getConsumer().getClaimTimeout());
    }

    /** Picked up by Boot's listener retry: after the retries a message goes to its dead-letter queue. */
    @Bean
    DeadLetterRecoverer deadLetterRecoverer(RabbitTemplate rabbit, EventsProperties events, Clock clock) {
        return new DeadLetterRecoverer(rabbit, events.getDeadLetterExchange(), clock);
    }

    @Bean
    DeadLetters deadLetters(RabbitTemplate rabbit) {
        return new DeadLetters(rabbit);
    }

    @Bean
    EventReader eventReader(JsonMapper json) {
        return new EventReader(json);
    }

    private static Set<String> aggregateCollections(MongoTemplate mongo) {
        return mongo.getConverter().getMappingContext().getPersistentEntities().stream()
                .filter(entity -> AggregateRoot.class.isAssignableFrom(entity.getType()))
                .map(entity -> entity.getCollection())
                .collect(Collectors.toSet());
    }
}
