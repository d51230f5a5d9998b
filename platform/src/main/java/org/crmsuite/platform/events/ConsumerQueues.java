package org.crmsuite.platform.events;

import java.util.ArrayList;
import java.util.List;

import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;

/**
 * Declares a consumer's durable queue {@code <consumer>.<purpose>}, its bindings on {@code crm.events}, and its
 * dead-letter queue {@code <queue>.dlq}.
 * <p>
 * Dead-lettering is done by {@link DeadLetterRecoverer} republishing to the dead-letter exchange, not by the
 * RabbitMQ-only {@code x-dead-letter-exchange} argument, so the same declaration works on RabbitMQ and on the
 * embedded Qpid broker of the local run (which rejects that argument). This is the one place queue arguments live.
 */
public final class ConsumerQueues {

    public static final String DLQ_SUFFIX = ".dlq";

    private ConsumerQueues() {
    }

    public static Declarables declare(EventsProperties events, String queue, String... routingKeys) {
        TopicExchange exchange = new TopicExchange(events.getExchange(), true, false);
        DirectExchange deadLetters = new DirectExchange(events.getDeadLetterExchange(), true, false);
        Queue main = QueueBuilder.durable(queue).build();
        Queue dlq = QueueBuilder.durable(queue + DLQ_SUFFIX).build();
        List<Declarable> declarables = new ArrayList<>(List.of(exchange, deadLetters, main, dlq));
        for (String key : routingKeys) {
            declarables.add(BindingBuilder.bind(main).to(exchange).with(key));
        }
        Binding toDlq = BindingBuilder.bind(dlq).to(deadLetters).with(queue);
        declarables.add(toDlq);
        return new Declarables(declarables);
    }
}
