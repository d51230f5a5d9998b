package org.crmsuite.testsupport;

import java.util.UUID;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Per-run exchange and queue names on the machine's real RabbitMQ (127.0.0.1:5672), so runs never see each
 * other's messages, and a direct connection for inspecting queues and cleaning up afterwards.
 */
public final class TestBroker implements AutoCloseable {

    public static final int PORT = Integer.getInteger("crm.test.rabbit.port", 5672);

    public final String suffix = UUID.randomUUID().toString().substring(0, 8);
    public final String exchange = "crm.events.test-" + suffix;
    public final String deadLetterExchange = "crm.dlx.test-" + suffix;
    public final String queue = "platform-test.tickets-" + suffix;
    private final CachingConnectionFactory connections = new CachingConnectionFactory("127.0.0.1", PORT);
    private final RabbitTemplate rabbit = new RabbitTemplate(connections);
    private final RabbitAdmin admin = new RabbitAdmin(connections);

    public TestBroker() {
        connections.setUsername("guest");
        connections.setPassword("guest");
    }

    public long depth(String queueName) {
        var properties = admin.getQueueProperties(queueName);
        return properties == null ? -1 : ((Number) properties.get(RabbitAdmin.QUEUE_MESSAGE_COUNT)).longValue();
    }

    public Message receive(String queueName, long timeoutMillis) {
        return rabbit.receive(queueName, timeoutMillis);
    }

    public RabbitTemplate template() {
        return rabbit;
    }

    @Override
    public void close() {
        admin.deleteQueue(queue);
        admin.deleteQueue(queue + ".dlq");
        admin.deleteQueue(queue + ".observer");
        admin.deleteExchange(exchange);
        admin.deleteExchange(deadLetterExchange);
        connections.destroy();
    }
}
