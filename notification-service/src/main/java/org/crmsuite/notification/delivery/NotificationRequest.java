package org.crmsuite.notification.delivery;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What an event asks for under one rule, stored by the consumer before it acknowledges the event (id
 * {@code <eventId>:<ruleId>}); the dispatcher resolves its recipients into {@link Delivery deliveries}. When identity
 * does not answer it stays PENDING with a later {@code nextAttemptAt}: retried, never lost.
 */
@Document("notification_requests")
@CompoundIndex(name = "due", def = "{'status': 1, 'nextAttemptAt': 1}")
public class NotificationRequest {

    public enum Status { PENDING, EXPANDED }

    @Id
    private String id;
    private String eventId;
    private String eventType;
    private String subject;
    private Instant eventTime;
    private String ruleId;
    private Map<String, Object> data;
    private Status status = Status.PENDING;
    private int attempts;
    private Instant nextAttemptAt;
    private Instant lockedUntil;
    private String lockedBy;
    private String lastError;
    private Instant createdAt;
    private Instant expandedAt;
    private int deliveries;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getEventId() { return eventId; }
    public void setEventId(String eventId) { this.eventId = eventId; }
    public String getEventType() { return eventType; }
    public void setEventType(String eventType) { this.eventType = eventType; }
    public String getSubject() { return subject; }
    public void setSubject(String subject) { this.subject = subject; }
    public Instant getEventTime() { return eventTime; }
    public void setEventTime(Instant eventTime) { this.eventTime = eventTime; }
    public String getRuleId() { return ruleId; }
    public void setRuleId(String ruleId) { this.ruleId = ruleId; }
    public Map<String, Object> getData() { return data; }
    public void setData(Map<String, Object> data) { this.data = data; }
    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }
    public int getAttempts() { return attempts; }
    public void setAttempts(int attempts) { this.attempts = attempts; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public void setNextAttemptAt(Instant nextAttemptAt) { this.nextAttemptAt = nextAttemptAt; }
    public Instant getLockedUntil() { return lockedUntil; }
    public void setLockedUntil(Instant lockedUntil) { this.lockedUntil = lockedUntil; }
    public String getLockedBy() { return lockedBy; }
    public void setLockedBy(String lockedBy) { this.lockedBy = lockedBy; }
    public String getLastError() { return lastError; }
    public void setLastError(String lastError) { this.lastError = lastError; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getExpandedAt() { return expandedAt; }
    public void setExpandedAt(Instant expandedAt) { this.expandedAt = expandedAt; }
    public int getDeliveries() { return deliveries; }
    public void setDeliveries(int deliveries) { this.deliveries = deliveries; }
}
