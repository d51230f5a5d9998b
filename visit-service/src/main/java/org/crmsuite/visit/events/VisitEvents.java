package org.crmsuite.visit.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.crmsuite.platform.events.EventType;

/**
 * The events visit-service publishes on {@code crm.events}: one constant per type and one record per type's
 * {@code data} (docs/events.md, "visit-service events"). Raised by the aggregates and stored with their state change
 * (platform AggregateStore outbox). The first five were agreed with notification-service before this service was
 * built: their names and fields are kept; fields were only added.
 */
public final class VisitEvents {

    public static final EventType PLAN_SCHEDULED = new EventType("crm.visit.plan-scheduled.v1", "visit.plan.scheduled");
    public static final EventType PLAN_RESCHEDULED = new EventType("crm.visit.plan-rescheduled.v1", "visit.plan.rescheduled");
    public static final EventType PLAN_DUE = new EventType("crm.visit.plan-due.v1", "visit.plan.due");
    public static final EventType PLAN_OVERDUE = new EventType("crm.visit.plan-overdue.v1", "visit.plan.overdue");
    public static final EventType RECORDED = new EventType("crm.visit.recorded.v1", "visit.record.recorded");
    public static final EventType PLAN_COMPLETED = new EventType("crm.visit.plan-completed.v1", "visit.plan.completed");
    public static final EventType PLAN_CANCELLED = new EventType("crm.visit.plan-cancelled.v1", "visit.plan.cancelled");
    public static final EventType SURVEY_SENT = new EventType("crm.visit.survey-sent.v1", "visit.survey.sent");
    public static final EventType SURVEY_ANSWERED = new EventType("crm.visit.survey-answered.v1", "visit.survey.answered");

    private VisitEvents() {
    }

    /**
     * {@code data} of {@link #PLAN_SCHEDULED}. Added to the agreed fields: {@code track} (REGULAR / SENIOR_MANAGEMENT,
     * cadence plans), {@code cadenceMonths}, {@code complaintId} (REVISIT), {@code priority} (CU-9 rank), {@code
     * createdBy}.
     */
    public record PlanScheduled(String planId, String customerId, String customerName, String ownerId, String departmentId,
            String kind, String purpose, Instant plannedAt, String place, Instant dueBy, String contactName,
            String contactPhone, String contactEmail, String track, Integer cadenceMonths, String complaintId,
            int priority, String createdBy) {
    }

    /** {@code data} of {@link #PLAN_RESCHEDULED}: as {@link PlanScheduled} plus the previous time, the reason and who. */
    public record PlanRescheduled(String planId, String customerId, String customerName, String ownerId,
            String departmentId, String kind, String purpose, Instant plannedAt, String place, Instant dueBy,
            String contactName, String contactPhone, String contactEmail, String track, Integer cadenceMonths,
            String complaintId, int priority, Instant previousPlannedAt, String reason, String rescheduledBy) {
    }

    /** {@code data} of {@link #PLAN_DUE} (VI-7, once per plan); {@code kind} and {@code priority} added. */
    public record PlanDue(String planId, String customerId, String customerName, String ownerId, String departmentId,
            Instant dueBy, String kind, int priority) {
    }

    /** {@code data} of {@link #PLAN_OVERDUE} (VI-7, once per plan): calendar days past {@code dueBy}. */
    public record PlanOverdue(String planId, String customerId, String customerName, String ownerId,
            String departmentId, Instant dueBy, long daysOverdue, String kind, int priority) {
    }

    /** The VI-4 scores of a report: each dimension's label and score, and their average. */
    public record Scores(String productQualityLabel, int productQuality, String serviceAttitudeLabel, int serviceAttitude,
            String productReputationLabel, int productReputation, double average) {
    }

    /** {@code data} of {@link #RECORDED} (VI-3); {@code visitedBy} added. */
    public record Recorded(String recordId, String planId, String customerId, String ownerId, String departmentId,
            String mode, Instant visitedAt, Scores scores, String visitedBy) {
    }

    /** {@code data} of {@link #PLAN_COMPLETED}: a record fulfilled the plan; {@code onTime} = visited by {@code dueBy}. */
    public record PlanCompleted(String planId, String recordId, String customerId, String ownerId, String departmentId,
            String kind, Instant visitedAt, Instant dueBy, boolean onTime) {
    }

    /**
     * {@code data} of {@link #PLAN_CANCELLED}: {@code reason} REGENERATED (VI-2: category, grade, owner or policy
     * changed), BLACKLISTED (CU-7), SUSPENDED (CU-8), ARCHIVED, OWNER_CHANGED (a return visit the new owner no longer
     * owes) or WITHDRAWN (by a person).
     */
    public record PlanCancelled(String planId, String customerId, String ownerId, String departmentId, String kind,
            Instant plannedAt, String reason, String note, String by) {
    }

    /** {@code data} of {@link #SURVEY_SENT} (VI-5): notification-service sends the questionnaire on {@code channel}. */
    public record SurveySent(String surveyId, String customerId, String customerName, String ownerId,
            String departmentId, int year, String channel, String templateId, String templateName,
            List<Map<String, String>> questions, String contactName, String contactPhone, String contactEmail,
            String sentBy) {
    }

    /** {@code data} of {@link #SURVEY_ANSWERED} (VI-5): the result and its weakest areas. */
    public record SurveyAnswered(String surveyId, String customerId, String ownerId, String departmentId, int year,
            double averageScore, List<String> lowestAreas, Instant answeredAt, String recordedBy) {
    }
}
