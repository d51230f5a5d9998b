package org.crmsuite.platform.events;

import java.time.Instant;
import java.util.Map;

/** The CloudEvents 1.0 JSON envelope every event on {@code crm.events} travels in. */
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        Map<String, Object> data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";
}
