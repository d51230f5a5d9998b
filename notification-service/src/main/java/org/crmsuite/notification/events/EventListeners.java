package org.crmsuite.notification.events;

import java.nio.charset.StandardCharsets;

import org.crmsuite.notification.delivery.NotificationIntake;
import org.crmsuite.notification.partners.PartnerFanOut;
import org.crmsuite.platform.events.CloudEvent;
import org.crmsuite.platform.events.ConsumerQueues;
import org.crmsuite.platform.events.EventReader;
import org.crmsuite.platform.events.EventsProperties;
import org.crmsuite.platform.events.IdempotentConsumer;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * The two consumers on {@code crm.events}, each a durable queue with its dead-letter queue and idempotent by event id:
 * {@code notification-service.notify} (NO-1/NO-2: every event type a rule may name) and
 * {@code notification-service.partner-webhooks} (NO-3: the event types partners may subscribe to). Both only store
 * what is to be done (requests, deliveries) before the event is acknowledged; sending happens in the dispatcher.
 */
@Component
class EventListeners {

    static final String NOTIFY = "notification-service.notify";
    static final String WEBHOOKS = "notification-service.partner-webhooks";

    private final EventReader reader;
    private final IdempotentConsumer idempotent;
    private final NotificationIntake intake;
    private final PartnerFanOut fanOut;

    EventListeners(EventReader reader, IdempotentConsumer idempotent, NotificationIntake intake, PartnerFanOut fanOut) {
        this.reader = reader;
        this.idempotent = idempotent;
        this.intake = intake;
        this.fanOut = fanOut;
    }

    @RabbitListener(queues = "${crm.notification.notify-queue:" + NOTIFY + "}", concurrency = "${crm.notification.consumers:4}")
    void onEvent(Message message) {
        CloudEvent event = reader.read(message);
        idempotent.handle(NOTIFY, event.id(), () -> intake.accept(event));
    }

    @RabbitListener(queues = "${crm.notification.webhook-queue:" + WEBHOOKS + "}", concurrency = "${crm.notification.consumers:4}")
    void onPartnerEvent(Message message) {
        CloudEvent event = reader.read(message);
        String body = new String(message.getBody(), StandardCharsets.UTF_8);
        idempotent.handle(WEBHOOKS, event.id(), () -> fanOut.accept(event, body));
    }

    @Configuration
    static class Queues {

        @Bean
        Declarables notifyQueue(EventsProperties events, @Value("${crm.notification.notify-queue:" + NOTIFY + "}") String queue) {
            return ConsumerQueues.declare(events, queue, NotifiableEvents.routingKeys().toArray(String[]::new));
        }

        @Bean
        Declarables partnerWebhookQueue(EventsProperties events,
                @Value("${crm.notification.webhook-queue:" + WEBHOOKS + "}") String queue) {
            return ConsumerQueues.declare(events, queue, NotifiableEvents.partnerRoutingKeys().toArray(String[]::new));
        }
    }
}
