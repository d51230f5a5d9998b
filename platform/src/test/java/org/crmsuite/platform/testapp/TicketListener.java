package org.crmsuite.platform.testapp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

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
import org.springframework.stereotype.Component;

/** A consumer as services write them: durable queue with DLQ, idempotent by event id. */
@Component
public class TicketListener {

    public final List<String> handled = new CopyOnWriteArrayList<>();
    public final AtomicInteger attempts = new AtomicInteger();
    public volatile boolean poisonFixed;

    private final IdempotentConsumer idempotent;
    private final EventReader reader;

    TicketListener(IdempotentConsumer idempotent, EventReader reader) {
        this.idempotent = idempotent;
        this.reader = reader;
    }

    @RabbitListener(queues = "${test.queue}")
    void on(Message message) {
        attempts.incrementAndGet();
        CloudEvent event = reader.read(message);
        idempotent.handle("test-consumer", event.id(), () -> {
            if (Boolean.TRUE.equals(event.data().get("poison")) && !poisonFixed) {
                throw new IllegalStateException("cannot handle poison ticket");
            }
            handled.add(event.id());
        });
    }

    @org.springframework.context.annotation.Configuration
    static class Queues {
        @Bean
        Declarables ticketQueue(EventsProperties events, @Value("${test.queue}") String queue) {
            return ConsumerQueues.declare(events, queue, "test.ticket.*");
        }
    }
}
