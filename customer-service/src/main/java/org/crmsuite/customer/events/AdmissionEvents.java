package org.crmsuite.customer.events;

import java.time.Instant;
import java.util.List;

import org.crmsuite.platform.events.EventType;

/** Events about admission applications (CU-5), stored in the application's outbox with the decision. */
public final class AdmissionEvents {

    public static final EventType DECIDED = new EventType("crm.admission.decided.v1", "customer.admission.decided");

    private AdmissionEvents() {
    }

    /**
     * {@code data} of {@link #DECIDED}: the final decision. {@code approved} with the new {@code customerId}, or
     * rejected at {@code step} ({@code SALES}, {@code FINANCE}, {@code GENERAL_MANAGER}, or {@code BASIC_CONDITIONS}
     * when the application failed them on submission) with the reasons.
     */
    public record Decided(String admissionId, String applicantName, String registrationNumber, String departmentId,
            boolean approved, String step, List<String> reasons, String customerId, String decidedBy, Instant decidedAt) {
    }
}
