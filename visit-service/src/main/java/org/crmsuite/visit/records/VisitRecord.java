package org.crmsuite.visit.records;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.crmsuite.platform.events.AggregateRoot;
import org.crmsuite.visit.events.VisitEvents;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * VI-3 Visit record: time, place, participants, content, customer feedback, problems solved and next steps, filed
 * after every visit (on site, phone or video), linked to the plan it fulfils; with the VI-4 scored report when one was
 * filled in. A record is never changed after filing.
 */
@Document("visit_records")
@CompoundIndexes({
        @CompoundIndex(name = "customer_visited", def = "{'customerId': 1, 'visitedAt': -1}"),
        @CompoundIndex(name = "owner_visited", def = "{'ownerId': 1, 'visitedAt': -1}"),
        @CompoundIndex(name = "department_visited", def = "{'departmentId': 1, 'visitedAt': -1}") })
public class VisitRecord extends AggregateRoot {

    private String customerId;
    private String customerName;
    private String departmentId;
    /** The customer's account manager when the visit was made (per-manager reports, VI-4). */
    private String ownerId;
    private String visitedBy;
    @Indexed(sparse = true)
    private String planId;
    private Mode mode;
    private Instant visitedAt;
    private String place;
    private List<String> participants = new ArrayList<>();
    private String content;
    private String customerFeedback;
    private List<String> problemsSolved = new ArrayList<>();
    private List<String> nextSteps = new ArrayList<>();
    private Report report;
    @Indexed(unique = true, sparse = true)
    private String idempotencyKey;

    /** VI-4: each dimension's label and score, and the overall mean. */
    public record Report(String productQualityLabel, int productQuality, String serviceAttitudeLabel, int serviceAttitude,
            String productReputationLabel, int productReputation, double overall) {
    }

    public record Draft(String customerId, String customerName, String departmentId, String ownerId, String visitedBy,
            String planId, Mode mode, Instant visitedAt, String place, List<String> participants, String content,
            String customerFeedback, List<String> problemsSolved, List<String> nextSteps, Report report,
            String idempotencyKey) {
    }

    public static VisitRecord file(Draft draft) {
        return file(null, draft);
    }

    /** @param id a fixed id (demo data written once by whichever instance is first), or null for a new one */
    public static VisitRecord file(String id, Draft draft) {
        VisitRecord record = new VisitRecord();
        record.setId(id);
        record.customerId = draft.customerId();
        record.customerName = draft.customerName();
        record.departmentId = draft.departmentId();
        record.ownerId = draft.ownerId();
        record.visitedBy = draft.visitedBy();
        record.planId = draft.planId();
        record.mode = draft.mode();
        record.visitedAt = draft.visitedAt();
        record.place = draft.place();
        record.participants = draft.participants() == null ? new ArrayList<>() : new ArrayList<>(draft.participants());
        record.content = draft.content();
        record.customerFeedback = draft.customerFeedback();
        record.problemsSolved = draft.problemsSolved() == null ? new ArrayList<>() : new ArrayList<>(draft.problemsSolved());
        record.nextSteps = draft.nextSteps() == null ? new ArrayList<>() : new ArrayList<>(draft.nextSteps());
        record.report = draft.report();
        record.idempotencyKey = draft.idempotencyKey();
        Report r = record.report;
        VisitEvents.Scores scores = r == null ? null : new VisitEvents.Scores(r.productQualityLabel(), r.productQuality(),
                r.serviceAttitudeLabel(), r.serviceAttitude(), r.productReputationLabel(), r.productReputation(), r.overall());
        record.raise(VisitEvents.RECORDED, new VisitEvents.Recorded(record.ensureId(), record.planId, record.customerId,
                record.ownerId, record.departmentId, record.mode.name(), record.visitedAt, scores, record.visitedBy));
        return record;
    }

    public String getCustomerId() {
        return customerId;
    }

    public String getCustomerName() {
        return customerName;
    }

    public String getDepartmentId() {
        return departmentId;
    }

    public String getOwnerId() {
        return ownerId;
    }

    public String getVisitedBy() {
        return visitedBy;
    }

    public String getPlanId() {
        return planId;
    }

    public Mode getMode() {
        return mode;
    }

    public Instant getVisitedAt() {
        return visitedAt;
    }

    public String getPlace() {
        return place;
    }

    public List<String> getParticipants() {
        return participants;
    }

    public String getContent() {
        return content;
    }

    public String getCustomerFeedback() {
        return customerFeedback;
    }

    public List<String> getProblemsSolved() {
        return problemsSolved;
    }

    public List<String> getNextSteps() {
        return nextSteps;
    }

    public Report getReport() {
        return report;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }
}
