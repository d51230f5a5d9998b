package org.crmsuite.platform.events;

/**
 * One kind of event: its CloudEvents {@code type} (e.g. {@code crm.customer.grade-changed.v1}) and the
 * routing key on {@code crm.events} (e.g. {@code customer.customer.grade-changed}). Services keep one
 * constant per event type next to the record of its {@code data}.
 */
public record EventType(String type, String routingKey) {

    public EventType {
        if (type == null || !type.startsWith("crm.") || routingKey == null || routingKey.split("\\.").length != 3) {
            throw new IllegalArgumentException("event type must be crm.<…> and routing key <service>.<aggregate>.<event>: "
                    + type + " / " + routingKey);
        }
    }
}
