package org.crmsuite.visit.plans;

import java.time.Instant;
import java.util.List;

/** A visit plan as the API shows it (VI-2), separate from the stored document. */
public record PlanView(String id, Long version, String customerId, String customerName, String departmentId,
        String ownerId, int priority, PlanKind kind, Track track, Integer cadenceMonths, String purpose,
        Instant plannedAt, Instant dueBy, String place, List<String> participants, List<VisitPlan.Stop> itinerary,
        VisitPlan.Contact contact, PlanStatus status, String complaintId, String recordId, Instant completedAt,
        String cancelReason, String cancelNote, List<VisitPlan.Reschedule> reschedules, Instant dueNotifiedAt,
        Instant overdueNotifiedAt, String createdBy, Instant createdAt, Instant updatedAt) {

    public static PlanView of(VisitPlan plan) {
        return new PlanView(plan.getId(), plan.getVersion(), plan.getCustomerId(), plan.getCustomerName(),
                plan.getDepartmentId(), plan.getOwnerId(), plan.getPriority(), plan.getKind(), plan.getTrack(),
                plan.getCadenceMonths(), plan.getPurpose(), plan.getPlannedAt(), plan.getDueBy(), plan.getPlace(),
                plan.getParticipants(), plan.getItinerary(), plan.getContact(), plan.getStatus(), plan.getComplaintId(),
                plan.getRecordId(), plan.getCompletedAt(), plan.getCancelReason(), plan.getCancelNote(),
                plan.getReschedules(), plan.getDueNotifiedAt(), plan.getOverdueNotifiedAt(), plan.getCreatedBy(),
                plan.getCreatedAt(), plan.getUpdatedAt());
    }

    public static List<PlanView> of(List<VisitPlan> plans) {
        return plans.stream().map(PlanView::of).toList();
    }
}
