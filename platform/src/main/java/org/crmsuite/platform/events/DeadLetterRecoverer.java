package org.crmsuite.platform.events;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.retry.MessageRecoverer;

/**
 * After a listener's retries are spent, moves the message to {@code <queue>.dlq} with why it failed, and only
 * acknowledges it once the broker confirmed the dead-letter copy: a poison message never blocks its queue
 * and is never silently dropped.
 */
public class DeadLetterRecoverer implements MessageRecoverer {

    public static final String EXCEPTION_HEADER = "x-exception-message";
    public static final String ORIGINAL_QUEUE_HEADER = "x-original-queue";
    public static final String ORIGINAL_ROUTING_KEY_HEADER = "x-original-routing-key";
    public static final String FAILED_AT_HEADER = "x-failed-at";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRecoverer.class);

    private final RabbitTemplate rabbit;
    private final String deadLetterExchange;
    private final Clock clock;

    public DeadLetterRecoverer(RabbitTemplate rabbit, String deadLetterExchange, Clock clock) {
        this.rabbit = rabbit;
        this.deadLetterExchange = deadLetterExchange;
        this.clock = clock;
    }

    @Override
    public void recover(Message message, Throwable cause) {
        MessageProperties properties = message.getMessageProperties();
        String queue = properties.getConsumerQueue();
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root.getClass().getSimpleName() + ": " + root.getMessage();
        properties.setHeader(EXCEPTION_HEADER, reason.length() > 1000 ? reason.substring(0, 1000) : reason);
        properties.setHeader(ORIGINAL_QUEUE_HEADER, queue);
        properties.setHeader(ORIGINAL_ROUTING_KEY_HEADER, properties.getReceivedRoutingKey());
        properties.setHeader(FAILED_AT_HEADER, clock.instant().toString());
        CorrelationData correlation = new CorrelationData(properties.getMessageId());
        rabbit.send(deadLetterExchange, queue, message, correlation);
        try {
            if (!correlation.getFuture().get(10, TimeUnit.SECONDS).ack()) {
                throw new AmqpException("dead-letter exchange refused the message from " + queue);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AmqpException("interrupted while dead-lettering", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AmqpException("dead-lettering from " + queue + " was not confirmed", e);
        }
        log.warn("message {} from {} moved to {}{}: {}", properties.getMessageId(), queue, queue, ConsumerQueues.DLQ_SUFFIX,
                reason);
    }
}
