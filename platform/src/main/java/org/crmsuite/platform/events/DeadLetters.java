package org.crmsuite.platform.events;

import java.util.concurrent.TimeUnit;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/** Re-drives dead-lettered messages: moves them from {@code <queue>.dlq} back to {@code <queue>}, oldest first. */
public class DeadLetters {

    private final RabbitTemplate rabbit;

    public DeadLetters(RabbitTemplate rabbit) {
        this.rabbit = rabbit;
    }

    /** @return how many messages were moved back (at most {@code max}). */
    public int redrive(String queue, int max) {
        int moved = 0;
        Message message;
        while (moved < max && (message = rabbit.receive(queue + ConsumerQueues.DLQ_SUFFIX)) != null) {
            var headers = message.getMessageProperties().getHeaders();
            headers.remove(DeadLetterRecoverer.EXCEPTION_HEADER);
            headers.remove(DeadLetterRecoverer.FAILED_AT_HEADER);
            headers.put("x-redriven", true);
            CorrelationData correlation = new CorrelationData(message.getMessageProperties().getMessageId());
            rabbit.send("", queue, message, correlation);
            try {
                if (!correlation.getFuture().get(10, TimeUnit.SECONDS).ack()) {
                    throw new AmqpException("broker refused the re-driven message");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AmqpException("interrupted while re-driving", e);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new AmqpException("re-driven message was not confirmed", e);
            }
            moved++;
        }
        return moved;
    }

    public long depth(String queue) {
        var info = rabbit.execute(channel -> channel.queueDeclarePassive(queue + ConsumerQueues.DLQ_SUFFIX));
        return info == null ? 0 : info.getMessageCount();
    }
}
