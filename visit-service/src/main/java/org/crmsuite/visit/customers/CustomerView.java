package org.crmsuite.visit.customers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * visit-service's own copy of what it needs about a customer (never customer-service's database): fed by
 * customer-service's events, back-filled by asking customer-service when a customer is unknown. {@code complete} is
 * false while category or grade are still unknown (customer-service could not be asked); no cadence plan is made for
 * such a customer until the back-fill succeeds.
 */
@Document("customer_views")
public class CustomerView {

    @Id
    private String id;
    @Version
    private Long version;
    private String name;
    @Indexed
    private String departmentId;
    @Indexed
    private String ownerId;
    private Category category;
    private Grade grade;
    private String tier;
    /** ACTIVE, SUSPENDED (CU-8) or ARCHIVED, as customer-service says. */
    private String status;
    private String region;
    private List<BlacklistEntry> blacklist = new ArrayList<>();
    private boolean complete;
    /** BACKFILL, EVENT or DEMO: where the view last came from. */
    private String source;
    private Instant lastVisitAt;
    /** VI-2: bumped whenever the cadence plans are regenerated; part of the cadence plans' ids. */
    private int planGeneration;
    private Instant classificationChangedAt;
    private Instant backfillDueAt;
    private Instant createdAt;
    private Instant updatedAt;

    /** CU-7: an active entry; DEPARTMENT scope applies within {@code departmentId}, COMPANY everywhere. */
    public record BlacklistEntry(String entryId, String scope, String departmentId) {
    }

    public CustomerView() {
    }

    public CustomerView(String id) {
        this.id = id;
    }

    /** CU-7 within this customer's own department (where its visits are planned), or company-wide. */
    public boolean isBlacklisted() {
        return blacklist.stream().anyMatch(e -> "COMPANY".equals(e.scope())
                || (departmentId != null && departmentId.equals(e.departmentId())));
    }

    /** CU-8 suspended, or archived: no business now. */
    public boolean isInactive() {
        return status != null && !"ACTIVE".equals(status);
    }

    /** VI-2 / CU-7 / CU-8: a customer who may get new plans. */
    public boolean acceptsPlans() {
        return complete && !isBlacklisted() && !isInactive();
    }

    public int priority() {
        return Grade.priorityOf(grade);
    }

    /** VI-1: out of town when its region is known and none of the organisation's home regions. */
    public boolean isOutOfTown(List<String> homeRegions) {
        return region != null && !region.isBlank() && homeRegions != null && !homeRegions.isEmpty()
                && homeRegions.stream().noneMatch(home -> home.equalsIgnoreCase(region.strip()));
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

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDepartmentId() {
        return departmentId;
    }

    public void setDepartmentId(String departmentId) {
        this.departmentId = departmentId;
    }

    public String getOwnerId() {
        return ownerId;
    }

    public void setOwnerId(String ownerId) {
        this.ownerId = ownerId;
    }

    public Category getCategory() {
        return category;
    }

    public void setCategory(Category category) {
        this.category = category;
    }

    public Grade getGrade() {
        return grade;
    }

    public void setGrade(Grade grade) {
        this.grade = grade;
    }

    public String getTier() {
        return tier;
    }

    public void setTier(String tier) {
        this.tier = tier;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public List<BlacklistEntry> getBlacklist() {
        return blacklist;
    }

    public void setBlacklist(List<BlacklistEntry> blacklist) {
        this.blacklist = blacklist == null ? new ArrayList<>() : new ArrayList<>(blacklist);
    }

    public boolean isComplete() {
        return complete;
    }

    public void setComplete(boolean complete) {
        this.complete = complete;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public Instant getLastVisitAt() {
        return lastVisitAt;
    }

    public void setLastVisitAt(Instant lastVisitAt) {
        this.lastVisitAt = lastVisitAt;
    }

    public int getPlanGeneration() {
        return planGeneration;
    }

    public void setPlanGeneration(int planGeneration) {
        this.planGeneration = planGeneration;
    }

    public Instant getClassificationChangedAt() {
        return classificationChangedAt;
    }

    public void setClassificationChangedAt(Instant classificationChangedAt) {
        this.classificationChangedAt = classificationChangedAt;
    }

    public Instant getBackfillDueAt() {
        return backfillDueAt;
    }

    public void setBackfillDueAt(Instant backfillDueAt) {
        this.backfillDueAt = backfillDueAt;
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
}
