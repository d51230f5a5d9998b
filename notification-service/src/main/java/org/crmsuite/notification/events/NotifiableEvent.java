package org.crmsuite.notification.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One kind of event notification-service turns into notifications: its CloudEvents {@code type}, routing key on
 * {@code crm.events} (null for the service's own occasions: care messages, digests, partner notices), the {@code data}
 * fields a template may use (NO-5), sample data for previews, when it is urgent (always delivered, even in quiet
 * hours) and whether partners may subscribe to it (NO-3).
 */
public record NotifiableEvent(String type, String routingKey, List<String> fields, Map<String, Object> sample,
        Predicate<Map<String, Object>> urgentWhen, boolean partnerVisible) {

    /** Variables every template may use besides the event's own data fields. */
    public static final List<String> COMMON_VARIABLES = List.of("recipientName", "eventId", "eventType", "subject", "time");

    public boolean urgent(Map<String, Object> data) {
        return urgentWhen.test(data == null ? Map.of() : data);
    }

    public boolean consumed() {
        return routingKey != null;
    }

    /** Every name a template of this event type may refer to. */
    public List<String> variables() {
        java.util.ArrayList<String> all = new java.util.ArrayList<>(COMMON_VARIABLES);
        all.addAll(fields);
        return all;
    }

    /** The sample event a preview renders: sample data plus the common variables. */
    public Map<String, Object> sampleContext() {
        Map<String, Object> context = new LinkedHashMap<>(sample);
        context.put("recipientName", "刘洋 Liu Yang");
        context.put("eventId", "6f1c2a0e-5a55-4a3e-9d1e-2b8f9c8b7a10");
        context.put("eventType", type);
        context.put("subject", "65f0c0ffee0000000000abcd");
        context.put("time", "2026-11-23T01:30:00Z");
        return context;
    }
}
