package org.crmsuite.visit.events;

import java.time.Clock;
import java.time.Instant;

import org.crmsuite.platform.events.CloudEvent;
import org.crmsuite.platform.events.ConsumerQueues;
import org.crmsuite.platform.events.EventReader;
import org.crmsuite.platform.events.EventsProperties;
import org.crmsuite.platform.events.IdempotentConsumer;
import org.crmsuite.visit.customers.CustomerEventData;
import org.crmsuite.visit.customers.CustomerView;
import org.crmsuite.visit.customers.CustomerViews;
import org.crmsuite.visit.plans.Plans;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * VI-6 / CU-10: an owner change ({@code customer.customer.owner-changed}, queue {@code visit-service.owner-change-visits})
 * gives the new owner a return visit due within 3 business days (policy) on the business calendar. Idempotent by event
 * id; the plan id is made of customer, new owner and time of change, so even a re-published event makes one plan.
 */
@Component
class OwnerChangeListener {

    static final String CONSUMER = "visit-service.owner-change-visits";
    static final String OWNER_CHANGED = "customer.customer.owner-changed";

    private final EventReader reader;
    private final IdempotentConsumer idempotent;
    private final CustomerViews customers;
    private final Plans plans;
    private final Clock clock;

    OwnerChangeListener(EventReader reader, IdempotentConsumer idempotent, CustomerViews customers, Plans plans,
            Clock clock) {
        this.reader = reader;
        this.idempotent = idempotent;
        this.customers = customers;
        this.plans = plans;
        this.clock = clock;
    }

    @RabbitListener(queues = "${crm.visit.queues.owner-change-visits}")
    void onOwnerChanged(Message message) {
        CloudEvent event = reader.read(message);
        if (!"crm.customer.owner-changed.v1".equals(event.type())) {
            return;
        }
        CustomerEventData.OwnerChanged change = reader.data(event, CustomerEventData.OwnerChanged.class);
        if (change.customerId() == null || change.toOwnerId() == null) {
            throw new AmqpRejectAndDontRequeueException("owner-changed " + event.id() + " names no customer or new owner");
        }
        Instant at = event.time() == null ? clock.instant() : event.time();
        idempotent.handle(CONSUMER, event.id(), () -> {
            CustomerView view = customers.known(change.customerId(), change.departmentId(), change.toOwnerId());
            plans.ownerChangeVisit(view, change, at);
        });
    }

    @Configuration
    static class Queue {
        @Bean
        Declarables ownerChangeVisitQueue(EventsProperties events,
                @Value("${crm.visit.queues.owner-change-visits}") String queue) {
            return ConsumerQueues.declare(events, queue, OWNER_CHANGED);
        }
    }
}
