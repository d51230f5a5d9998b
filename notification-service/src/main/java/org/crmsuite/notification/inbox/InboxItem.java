package org.crmsuite.notification.inbox;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** NO-4 in-app inbox: one message for one staff member; {@code _id} is the delivery's id (written once). */
@Document("inbox")
@CompoundIndex(name = "by_staff", def = "{'staffId': 1, 'readAt': 1, 'createdAt': -1}")
public record InboxItem(@Id String id, String staffId, String eventType, String subject, String title, String body,
        boolean urgent, Instant createdAt, Instant readAt) {
}
