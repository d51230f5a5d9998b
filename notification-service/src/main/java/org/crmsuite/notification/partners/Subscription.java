package org.crmsuite.notification.partners;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * NO-3: a partner's subscription to event types, delivered to its callback URL signed with its secret(s). A rotated-out
 * secret keeps signing until {@code expiresAt} (overlap), so the partner can switch without losing a delivery.
 */
@Document("subscriptions")
public class Subscription {

    public enum Status { ACTIVE, PAUSED, DISABLED }

    public record Secret(String value, Instant createdAt, Instant expiresAt) {
    }

    @Id
    private String id;
    @Version
    private Long version;
    @Indexed
    private String partnerId;
    private List<String> eventTypes = new ArrayList<>();
    private String url;
    private String contactEmail;
    private String description;
    private Status status = Status.ACTIVE;
    private List<Secret> secrets = new ArrayList<>();
    private int consecutiveFailures;
    private String lastError;
    private Instant pausedAt;
    private String pauseReason;
    private Instant createdAt;
    private Instant updatedAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public String getPartnerId() { return partnerId; }
    public void setPartnerId(String partnerId) { this.partnerId = partnerId; }
    public List<String> getEventTypes() { return eventTypes; }
    public void setEventTypes(List<String> eventTypes) { this.eventTypes = eventTypes; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }
    public List<Secret> getSecrets() { return secrets; }
    public void setSecrets(List<Secret> secrets) { this.secrets = secrets; }
    public int getConsecutiveFailures() { return consecutiveFailures; }
    public void setConsecutiveFailures(int consecutiveFailures) { this.consecutiveFailures = consecutiveFailures; }
    public String getLastError() { return lastError; }
    public void setLastError(String lastError) { this.lastError = lastError; }
    public Instant getPausedAt() { return pausedAt; }
    public void setPausedAt(Instant pausedAt) { this.pausedAt = pausedAt; }
    public String getPauseReason() { return pauseReason; }
    public void setPauseReason(String pauseReason) { this.pauseReason = pauseReason; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
