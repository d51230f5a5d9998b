package org.crmsuite.notification.templates;

import java.time.Instant;

import org.crmsuite.notification.delivery.Channel;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * NO-5: one version of the template for an event type × channel × locale. Versions are never changed: saving makes the
 * next one, and deliveries record the version they were rendered from. {@code _id} is {@code key:v<version>}, so two
 * editors saving at once cannot both get the same version.
 */
@Document("templates")
@CompoundIndex(name = "key_version", def = "{'key': 1, 'version': -1}")
public record TemplateVersion(@Id String id, String key, String eventType, Channel channel, String locale, int version,
        String subject, String body, String createdBy, Instant createdAt) {

    public static String key(String eventType, Channel channel, String locale) {
        return eventType + "|" + channel + "|" + locale;
    }
}
