package org.crmsuite.customer.admission;

import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.identity.Role;

/**
 * CU-5 Admission (准入) review chain: sales → finance → general manager. Each step approves or rejects with a reason
 * and only by its own role (a sales rep of the applicant's department for the sales step); a rejection at any step
 * ends the application; approval at the last step creates the customer as QUALIFIED.
 */
public final class AdmissionChain {

    private AdmissionChain() {
    }

    public enum Step {
        /** Checked on submission: documents present and valid, not blacklisted (CU-7). */
        BASIC_CONDITIONS(null),
        SALES(Role.SALES),
        FINANCE(Role.FINANCE),
        GENERAL_MANAGER(Role.GM);

        private final Role role;

        Step(Role role) {
            this.role = role;
        }

        public Role role() {
            return role;
        }
    }

    public enum Status {
        PENDING_SALES, PENDING_FINANCE, PENDING_GM, APPROVED, REJECTED;

        public boolean decided() {
            return this == APPROVED || this == REJECTED;
        }
    }

    /** The step waiting for a decision in {@code status}, or null once decided. */
    public static Step pending(Status status) {
        return switch (status) {
            case PENDING_SALES -> Step.SALES;
            case PENDING_FINANCE -> Step.FINANCE;
            case PENDING_GM -> Step.GENERAL_MANAGER;
            case APPROVED, REJECTED -> null;
        };
    }

    /** Where an approval at {@code step} leads: the next step, or APPROVED after the last. */
    public static Status afterApproval(Step step) {
        return switch (step) {
            case SALES -> Status.PENDING_FINANCE;
            case FINANCE -> Status.PENDING_GM;
            case GENERAL_MANAGER -> Status.APPROVED;
            case BASIC_CONDITIONS -> Status.PENDING_SALES;
        };
    }

    /** Whether {@code caller} may decide {@code step} of an application of {@code departmentId}. */
    public static boolean mayDecide(Caller caller, Step step, String departmentId) {
        if (step == null || step.role() == null || !caller.has(step.role())) {
            return false;
        }
        return step != Step.SALES || caller.inDepartment(departmentId);
    }
}
