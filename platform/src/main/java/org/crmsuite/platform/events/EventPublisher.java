package org.crmsuite.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import tools.jackson.databind.json.JsonMapper;

/** Publishes one outbox entry to {@code crm.events} as a CloudEvents JSON message and waits for the broker's confirm. */
public class EventPublisher {

    private final RabbitTemplate rabbit;
    private final JsonMapper json;
    private final String exchange;
    private final Duration confirmTimeout;

    public EventPublisher(RabbitTemplate rabbit, JsonMapper json, String exchange, Duration confirmTimeout) {
        this.rabbit = rabbit;
        this.json = json;
        this.exchange = exchange;
        this.confirmTimeout = confirmTimeout;
    }

    /** @throws PublishFailedException when the broker did not confirm the message in time. */
    public void publish(Document entry) {
        String id = entry.getString("id");
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("specversion", CloudEvent.SPEC_VERSION);
        envelope.put("id", id);
        envelope.put("source", entry.getString("source"));
        envelope.put("type", entry.getString("type"));
        envelope.put("subject", entry.getString("subject"));
        envelope.put("time", ((Date) entry.get("time")).toInstant().toString());
        envelope.put("datacontenttype", "application/json");
        envelope.put("data", entry.get("data", Document.class));

        MessageProperties properties = new MessageProperties();
        properties.setContentType(CloudEvent.CONTENT_TYPE);
        properties.setContentEncoding(StandardCharsets.UTF_8.name());
        properties.setMessageId(id);
        properties.setType(entry.getString("type"));
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        properties.setHeader("ce-type", entry.getString("type"));
        Message message = new Message(json.writeValueAsBytes(envelope), properties);

        CorrelationData correlation = new CorrelationData(id);
        try {
            rabbit.send(exchange, entry.getString("routingKey"), message, correlation);
            var confirm = correlation.getFuture().get(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!confirm.ack()) {
                throw new PublishFailedException("broker refused event " + id + ": " + confirm.reason(), null);
            }
        } catch (PublishFailedException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while publishing event " + id, e);
        } catch (Exception e) {
            throw new PublishFailedException("could not publish event " + id + ": " + e.getMessage(), e);
        }
    }

    public static class PublishFailedException extends RuntimeException {
        public PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
