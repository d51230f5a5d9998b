package org.crmsuite.notification.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message to one recipient on one channel (NO-4), with its attempt log. Its id is derived from the event, the rule
 * (or subscription) and the recipient, so however often it is created (a redelivered event, a crash between steps) it
 * exists once; for webhooks the id is the stable {@code webhook-id} (NO-3). Retries are persistent: {@code status},
 * {@code nextAttemptAt}; an instance works on it only while it holds the claim ({@code lockedUntil}).
 */
@Document("deliveries")
@CompoundIndexes({
        @CompoundIndex(name = "due", def = "{'status': 1, 'nextAttemptAt': 1}"),
        @CompoundIndex(name = "by_subscription", def = "{'subscriptionId': 1, 'createdAt': -1}"),
        @CompoundIndex(name = "digest", def = "{'status': 1, 'recipient.id': 1}") })
public class Delivery {

    @Id
    private String id;
    private String eventId;
    private String eventType;
    private String subject;
    private Instant eventTime;
    private String ruleId;
    private String subscriptionId;
    private String partnerId;
    private Channel channel;
    private String audience;
    private boolean urgent;
    private boolean care;
    private Recipient recipient;
    private Map<String, Object> data;
    /** Webhooks: the CloudEvents envelope exactly as sent. */
    private String payload;
    private DeliveryStatus status;
    private int attempts;
    private Instant nextAttemptAt;
    private Instant lockedUntil;
    private String lockedBy;
    private String lastError;
    private Integer templateVersion;
    private String title;
    private String digestId;
    private int replays;
    private Instant createdAt;
    private Instant sentAt;
    private List<Attempt> log = new ArrayList<>();

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
    public String getSubscriptionId() { return subscriptionId; }
    public void setSubscriptionId(String subscriptionId) { this.subscriptionId = subscriptionId; }
    public String getPartnerId() { return partnerId; }
    public void setPartnerId(String partnerId) { this.partnerId = partnerId; }
    public Channel getChannel() { return channel; }
    public void setChannel(Channel channel) { this.channel = channel; }
    public String getAudience() { return audience; }
    public void setAudience(String audience) { this.audience = audience; }
    public boolean isUrgent() { return urgent; }
    public void setUrgent(boolean urgent) { this.urgent = urgent; }
    public boolean isCare() { return care; }
    public void setCare(boolean care) { this.care = care; }
    public Recipient getRecipient() { return recipient; }
    public void setRecipient(Recipient recipient) { this.recipient = recipient; }
    public Map<String, Object> getData() { return data; }
    public void setData(Map<String, Object> data) { this.data = data; }
    public String getPayload() { return payload; }
    public void setPayload(String payload) { this.payload = payload; }
    public DeliveryStatus getStatus() { return status; }
    public void setStatus(DeliveryStatus status) { this.status = status; }
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
    public Integer getTemplateVersion() { return templateVersion; }
    public void setTemplateVersion(Integer templateVersion) { this.templateVersion = templateVersion; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDigestId() { return digestId; }
    public void setDigestId(String digestId) { this.digestId = digestId; }
    public int getReplays() { return replays; }
    public void setReplays(int replays) { this.replays = replays; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getSentAt() { return sentAt; }
    public void setSentAt(Instant sentAt) { this.sentAt = sentAt; }
    public List<Attempt> getLog() { return log; }
    public void setLog(List<Attempt> log) { this.log = log; }
}
