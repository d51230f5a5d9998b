package org.crmsuite.complaint.cases;

import static org.crmsuite.complaint.cases.ComplaintState.ACCEPTED;
import static org.crmsuite.complaint.cases.ComplaintState.ACKNOWLEDGED;
import static org.crmsuite.complaint.cases.ComplaintState.CLOSED;
import static org.crmsuite.complaint.cases.ComplaintState.ESCALATED;
import static org.crmsuite.complaint.cases.ComplaintState.INVESTIGATING;
import static org.crmsuite.complaint.cases.ComplaintState.RECEIVED;
import static org.crmsuite.complaint.cases.ComplaintState.REOPENED;
import static org.crmsuite.complaint.cases.ComplaintState.REPLIED;
import static org.crmsuite.complaint.cases.ComplaintState.REVISIT;
import static org.crmsuite.complaint.cases.ComplaintState.SOLUTION_PROPOSED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * CO-8 workflow as a state machine: which state may follow which. Every open state may be escalated (CO-4, CO-7); a
 * closed case may only be reopened. An illegal move is 409 {@code complaint.illegal-transition}.
 */
public final class Lifecycle {

    private static final Map<ComplaintState, Set<ComplaintState>> NEXT = new EnumMap<>(ComplaintState.class);

    static {
        NEXT.put(RECEIVED, EnumSet.of(ACKNOWLEDGED, ESCALATED));
        NEXT.put(ACKNOWLEDGED, EnumSet.of(ACCEPTED, ESCALATED));
        NEXT.put(ACCEPTED, EnumSet.of(INVESTIGATING, ESCALATED));
        NEXT.put(INVESTIGATING, EnumSet.of(SOLUTION_PROPOSED, ESCALATED));
        NEXT.put(SOLUTION_PROPOSED, EnumSet.of(REPLIED, INVESTIGATING, ESCALATED));
        NEXT.put(REPLIED, EnumSet.of(REVISIT, CLOSED, ESCALATED));
        NEXT.put(REVISIT, EnumSet.of(CLOSED, ESCALATED));
        NEXT.put(ESCALATED, EnumSet.of(ACCEPTED, INVESTIGATING));
        NEXT.put(CLOSED, EnumSet.of(REOPENED));
        NEXT.put(REOPENED, EnumSet.of(ACCEPTED, INVESTIGATING, ESCALATED));
    }

    private Lifecycle() {
    }

    public static Set<ComplaintState> next(ComplaintState from) {
        Set<ComplaintState> next = NEXT.get(from);
        return next == null ? EnumSet.noneOf(ComplaintState.class) : EnumSet.copyOf(next);
    }

    public static boolean allows(ComplaintState from, ComplaintState to) {
        return NEXT.getOrDefault(from, Set.of()).contains(to);
    }
}
