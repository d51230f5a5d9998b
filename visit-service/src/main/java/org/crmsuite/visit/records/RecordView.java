package org.crmsuite.visit.records;

import java.time.Instant;
import java.util.List;

/** A visit record as the API shows it (VI-3, with the VI-4 report), separate from the stored document. */
record RecordView(String id, Long version, String customerId, String customerName, String departmentId, String ownerId,
        String visitedBy, String planId, Mode mode, Instant visitedAt, String place, List<String> participants,
        String content, String customerFeedback, List<String> problemsSolved, List<String> nextSteps,
        VisitRecord.Report report, Instant createdAt) {

    static RecordView of(VisitRecord record) {
        return new RecordView(record.getId(), record.getVersion(), record.getCustomerId(), record.getCustomerName(),
                record.getDepartmentId(), record.getOwnerId(), record.getVisitedBy(), record.getPlanId(), record.getMode(),
                record.getVisitedAt(), record.getPlace(), record.getParticipants(), record.getContent(),
                record.getCustomerFeedback(), record.getProblemsSolved(), record.getNextSteps(), record.getReport(),
                record.getCreatedAt());
    }
}
