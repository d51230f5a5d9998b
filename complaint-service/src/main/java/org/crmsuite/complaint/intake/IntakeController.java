package org.crmsuite.complaint.intake;

import java.net.URI;
import java.time.Instant;

import jakarta.validation.Valid;

import org.crmsuite.complaint.cases.Complaint;
import org.crmsuite.complaint.cases.ComplaintState;
import org.crmsuite.complaint.cases.CustomerVerification;
import org.crmsuite.complaint.cases.Deadline;
import org.crmsuite.complaint.cases.DeadlineKind;
import org.crmsuite.complaint.cases.HandlerTier;
import org.crmsuite.complaint.cases.Level;
import org.crmsuite.platform.identity.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/complaints}: files a complaint (staff of any role, or a partner system through
 * {@code PARTNER_SYSTEM}). {@code Idempotency-Key} makes a retry return the first filing instead of a second case.
 */
@RestController
class IntakeController {

    private final Intake intake;

    IntakeController(Intake intake) {
        this.intake = intake;
    }

    /** The filing's receipt: where the case is, its level and the deadlines it runs against. */
    record Filed(String id, ComplaintState state, Level level, HandlerTier handlerTier, String departmentId,
            CustomerVerification customerVerification, String relatedTo, Instant receivedAt, Instant acknowledgeDueAt,
            Instant acceptDueAt, Instant resolveDueAt) {
    }

    @PostMapping("/api/v1/complaints")
    ResponseEntity<Filed> file(@Valid @RequestBody NewComplaint body,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey, Caller caller) {
        Complaint complaint = intake.file(body, caller, idempotencyKey);
        return ResponseEntity.created(URI.create("/api/v1/complaints/" + complaint.getId()))
                .eTag("\"" + complaint.getVersion() + "\"")
                .body(new Filed(complaint.getId(), complaint.getState(), complaint.getLevel(), complaint.getHandlerTier(),
                        complaint.getDepartmentId(), complaint.getCustomerVerification(), complaint.getRelatedTo(),
                        complaint.getReceivedAt(), due(complaint, DeadlineKind.ACKNOWLEDGE), due(complaint, DeadlineKind.ACCEPT),
                        due(complaint, DeadlineKind.RESOLVE)));
    }

    private static Instant due(Complaint complaint, DeadlineKind kind) {
        Deadline deadline = complaint.deadline(kind);
        return deadline == null ? null : deadline.getDueAt();
    }
}
