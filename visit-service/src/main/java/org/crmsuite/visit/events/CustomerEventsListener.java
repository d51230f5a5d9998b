package org.crmsuite.visit.events;

import java.time.Clock;
import java.time.Instant;

import org.crmsuite.platform.events.CloudEvent;
import org.crmsuite.platform.events.ConsumerQueues;
import org.crmsuite.platform.events.EventReader;
import org.crmsuite.platform.events.EventsProperties;
import org.crmsuite.platform.events.IdempotentConsumer;
import org.crmsuite.visit.customers.CustomerEventData;
import org.crmsuite.visit.customers.CustomerViews;
import org.crmsuite.visit.plans.Plans;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * The local customer view, fed by customer-service's events ({@code customer.customer.*}, queue
 * {@code visit-service.customer-view}), and what each change means for the customer's plans (VI-2: regenerate on a
 * category, grade or owner change; CU-7/CU-8: withdraw on blacklisting or suspension, resume after). Idempotent by
 * event id; an event that cannot be read goes to the dead-letter queue.
 */
@Component
class CustomerEventsListener {

    static final String CONSUMER = "visit-service.customer-view";
    private static final Logger log = LoggerFactory.getLogger(CustomerEventsListener.class);

    private final EventReader reader;
    private final IdempotentConsumer idempotent;
    private final CustomerViews customers;
    private final Plans plans;
    private final Clock clock;

    CustomerEventsListener(EventReader reader, IdempotentConsumer idempotent, CustomerViews customers, Plans plans,
            Clock clock) {
        this.reader = reader;
        this.idempotent = idempotent;
        this.customers = customers;
        this.plans = plans;
        this.clock = clock;
    }

    @RabbitListener(queues = "${crm.visit.queues.customer-view}")
    void onCustomerEvent(Message message) {
        CloudEvent event = reader.read(message);
        Instant at = event.time() == null ? clock.instant() : event.time();
        Runnable handler = switch (event.type()) {
            case "crm.customer.created.v1" -> () -> plans.react(customers.created(
                    reader.data(event, CustomerEventData.Created.class), at));
            case "crm.customer.updated.v1" -> () -> plans.react(customers.updated(
                    reader.data(event, CustomerEventData.Updated.class), at));
            case "crm.customer.category-changed.v1" -> () -> plans.react(customers.categoryChanged(
                    reader.data(event, CustomerEventData.ClassificationChanged.class), at));
            case "crm.customer.grade-changed.v1" -> () -> plans.react(customers.gradeChanged(
                    reader.data(event, CustomerEventData.ClassificationChanged.class), at));
            case "crm.customer.tier-changed.v1" -> () -> plans.react(customers.tierChanged(
                    reader.data(event, CustomerEventData.ClassificationChanged.class), at));
            case "crm.customer.blacklisted.v1" -> () -> plans.react(customers.blacklisted(
                    reader.data(event, CustomerEventData.Blacklisted.class)));
            case "crm.customer.blacklist-lifted.v1" -> () -> plans.react(customers.blacklistLifted(
                    reader.data(event, CustomerEventData.BlacklistLifted.class)));
            case "crm.customer.suspended.v1" -> statusChange(event, "SUSPENDED");
            case "crm.customer.reinstated.v1" -> statusChange(event, "ACTIVE");
            case "crm.customer.owner-changed.v1" -> () -> plans.react(customers.ownerChanged(
                    reader.data(event, CustomerEventData.OwnerChanged.class)));
            default -> null;
        };
        if (handler == null) {
            log.debug("ignoring {} {}", event.type(), event.id());
            return;
        }
        requireCustomerId(event);
        idempotent.handle(CONSUMER, event.id(), handler);
    }

    private Runnable statusChange(CloudEvent event, String status) {
        CustomerEventData.StatusChanged data = reader.data(event, CustomerEventData.StatusChanged.class);
        return () -> plans.react(customers.statusChanged(data.customerId(), data.departmentId(), status));
    }

    private static void requireCustomerId(CloudEvent event) {
        if (event.data() == null || !(event.data().get("customerId") instanceof String id) || id.isBlank()) {
            throw new AmqpRejectAndDontRequeueException(event.type() + " " + event.id() + " names no customerId");
        }
    }

    @Configuration
    static class Queue {
        @Bean
        Declarables customerViewQueue(EventsProperties events, @Value("${crm.visit.queues.customer-view}") String queue) {
            return ConsumerQueues.declare(events, queue, "customer.customer.*");
        }
    }
}
