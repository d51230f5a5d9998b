package org.crmsuite.notification.rules;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.crmsuite.notification.delivery.Channel;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * NO-1/NO-2 as data: an event of {@code eventType} (matching {@code conditions}: data field → allowed values) notifies
 * {@code audience} on {@code channels}. {@code digest}: staff e-mail goes into the recipient's daily digest unless the
 * event is urgent; {@code care}: a care message, never sent to customers who opted out.
 */
@Document("rules")
public class Rule {

    @Id
    private String id;
    @Version
    private Long version;
    @Indexed
    private String eventType;
    private Audience audience;
    private List<Channel> channels;
    private Map<String, List<String>> conditions;
    private boolean digest;
    private boolean care;
    private boolean enabled = true;
    private String description;
    private String updatedBy;
    private Instant updatedAt;

    public Rule() {
    }

    public Rule(String id, String eventType, Audience audience, List<Channel> channels, Map<String, List<String>> conditions,
            boolean digest, boolean care, String description) {
        this.id = id;
        this.eventType = eventType;
        this.audience = audience;
        this.channels = channels;
        this.conditions = conditions;
        this.digest = digest;
        this.care = care;
        this.description = description;
    }

    /** Whether the event's data meets the rule's conditions. */
    public boolean matches(Map<String, Object> data) {
        if (!enabled) {
            return false;
        }
        if (conditions == null) {
            return true;
        }
        for (var condition : conditions.entrySet()) {
            Object value = data == null ? null : data.get(condition.getKey());
            if (value == null || !condition.getValue().contains(String.valueOf(value))) {
                return false;
            }
        }
        return true;
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public String getEventType() { return eventType; }
    public void setEventType(String eventType) { this.eventType = eventType; }
    public Audience getAudience() { return audience; }
    public void setAudience(Audience audience) { this.audience = audience; }
    public List<Channel> getChannels() { return channels; }
    public void setChannels(List<Channel> channels) { this.channels = channels; }
    public Map<String, List<String>> getConditions() { return conditions; }
    public void setConditions(Map<String, List<String>> conditions) { this.conditions = conditions; }
    public boolean isDigest() { return digest; }
    public void setDigest(boolean digest) { this.digest = digest; }
    public boolean isCare() { return care; }
    public void setCare(boolean care) { this.care = care; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getUpdatedBy() { return updatedBy; }
    public void setUpdatedBy(String updatedBy) { this.updatedBy = updatedBy; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
