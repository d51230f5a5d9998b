package org.crmsuite.complaint.cases;

/**
 * CO-8 workflow: record → classify → investigate cause → assign responsible → propose solution → reply → revisit →
 * summarise, plus escalation (CO-4, CO-7) and reopening. {@link Lifecycle} says which moves are legal.
 */
public enum ComplaintState {
    RECEIVED, ACKNOWLEDGED, ACCEPTED, INVESTIGATING, SOLUTION_PROPOSED, REPLIED, REVISIT, CLOSED, ESCALATED, REOPENED;

    public boolean isOpen() {
        return this != CLOSED;
    }
}
