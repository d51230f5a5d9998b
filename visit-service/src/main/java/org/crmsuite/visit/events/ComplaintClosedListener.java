package org.crmsuite.visit.events;

import java.time.Clock;
import java.time.Instant;

import org.crmsuite.platform.events.CloudEvent;
import org.crmsuite.platform.events.ConsumerQueues;
import org.crmsuite.platform.events.EventReader;
import org.crmsuite.platform.events.EventsProperties;
import org.crmsuite.platform.events.IdempotentConsumer;
import org.crmsuite.visit.customers.CustomerView;
import org.crmsuite.visit.customers.CustomerViews;
import org.crmsuite.visit.plans.Plans;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * VI-6 / CO-8: a closed complaint ({@code complaint.case.closed}, queue {@code visit-service.complaint-revisits}) gives
 * its handler a revisit task. Closed, not resolved: under CO-7 a resolution rated 4–5 escalates the case to another
 * level and handler instead of ending it, so only "closed" (rated 1–3 or customer unreachable) is the end the revisit
 * follows (record → … → reply → revisit → summarise), with the final handler. A consumer complaint without a customer
 * gets no revisit plan (there is no customer to plan for). Idempotent by event id.
 */
@Component
class ComplaintClosedListener {

    static final String CONSUMER = "visit-service.complaint-revisits";
    static final String CLOSED = "complaint.case.closed";
    private static final Logger log = LoggerFactory.getLogger(ComplaintClosedListener.class);

    private final EventReader reader;
    private final IdempotentConsumer idempotent;
    private final CustomerViews customers;
    private final Plans plans;
    private final Clock clock;

    ComplaintClosedListener(EventReader reader, IdempotentConsumer idempotent, CustomerViews customers, Plans plans,
            Clock clock) {
        this.reader = reader;
        this.idempotent = idempotent;
        this.customers = customers;
        this.plans = plans;
        this.clock = clock;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Closed(String complaintId, String customerId, String level, Integer rating, boolean customerUnreachable,
            String handlerId, Instant closedAt) {
    }

    @RabbitListener(queues = "${crm.visit.queues.complaint-revisits}")
    void onClosed(Message message) {
        CloudEvent event = reader.read(message);
        if (!"crm.complaint.closed.v1".equals(event.type())) {
            return;
        }
        Closed closed = reader.data(event, Closed.class);
        if (closed.complaintId() == null) {
            throw new org.springframework.amqp.AmqpRejectAndDontRequeueException("closed event " + event.id() + " names no complaint");
        }
        if (closed.customerId() == null) {
            log.info("VI-6: complaint {} has no customer (a consumer complaint); no revisit plan", closed.complaintId());
            return;
        }
        Instant closedAt = closed.closedAt() != null ? closed.closedAt() : event.time() != null ? event.time() : clock.instant();
        idempotent.handle(CONSUMER, event.id(), () -> {
            CustomerView view = customers.known(closed.customerId(), null, null);
            plans.revisit(view, closed.complaintId(), closed.handlerId(), closed.level(), closedAt);
        });
    }

    @Configuration
    static class Queue {
        @Bean
        Declarables complaintRevisitQueue(EventsProperties events,
                @Value("${crm.visit.queues.complaint-revisits}") String queue) {
            return ConsumerQueues.declare(events, queue, CLOSED);
        }
    }
}
