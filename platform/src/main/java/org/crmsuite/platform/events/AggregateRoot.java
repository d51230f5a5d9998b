package org.crmsuite.platform.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;

/**
 * A MongoDB document that changes state and raises events. {@link AggregateStore#save} writes the state
 * and the raised events into the document's outbox in one single-document write, so a change is never
 * stored without its events nor the other way round (ARCHITECTURE.md, "Events").
 */
public abstract class AggregateRoot {

    @Id
    private String id;

    @Version
    private Long version;

    private Instant createdAt;

    private Instant updatedAt;

    @Transient
    private final List<RaisedEvent> raised = new ArrayList<>();

    /**
     * The id, assigned now if the aggregate was never saved: a factory method that raises an event naming the
     * aggregate needs it before {@link AggregateStore#save} would assign one.
     */
    protected final String ensureId() {
        if (id == null) {
            id = new org.bson.types.ObjectId().toHexString();
        }
        return id;
    }

    protected final void raise(EventType type, Object data) {
        raised.add(new RaisedEvent(type, data));
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    public boolean isNew() {
        return version == null;
    }

    List<RaisedEvent> raisedEvents() {
        return List.copyOf(raised);
    }

    void clearRaisedEvents() {
        raised.clear();
    }

    record RaisedEvent(EventType type, Object data) {
    }
}
