package org.crmsuite.platform.events;

import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Message;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Reads the CloudEvents envelope of an inbound message; a body that is not one is a poison message. */
public class EventReader {

    private final JsonMapper json;

    public EventReader(JsonMapper json) {
        this.json = json;
    }

    public CloudEvent read(Message message) {
        CloudEvent event;
        try {
            event = json.readValue(message.getBody(), CloudEvent.class);
        } catch (JacksonException e) {
            throw new AmqpRejectAndDontRequeueException("not a CloudEvents JSON envelope: " + e.getOriginalMessage());
        }
        if (event.id() == null || event.type() == null) {
            throw new AmqpRejectAndDontRequeueException("CloudEvent without id or type");
        }
        return event;
    }

    public <T> T data(CloudEvent event, Class<T> type) {
        try {
            return json.convertValue(event.data(), type);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new AmqpRejectAndDontRequeueException("data of " + event.type() + " " + event.id() + " is not a "
                    + type.getSimpleName() + ": " + e.getMessage());
        }
    }
}
