package org.crmsuite.complaint.workorder;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.bson.types.ObjectId;
import org.crmsuite.complaint.events.ComplaintEvents;
import org.crmsuite.platform.events.AggregateRoot;
import org.crmsuite.platform.web.DomainException;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A work order (工作单, CO-10): a dispatcher issues it with assignee, location, task, requirements and reply-by time;
 * the assignee acknowledges it (to the minute) and may not refuse — only escalate to a superior; reports progress when
 * it cannot be done in time; completes it with process and result; the served party signs off; the dispatcher calls
 * back and archives. It may belong to a complaint or stand alone.
 */
@Document("work_orders")
@CompoundIndexes({
        @CompoundIndex(name = "unfinished", def = "{'finished': 1, 'departmentId': 1, 'replyBy': 1}"),
        @CompoundIndex(name = "assignee", def = "{'assigneeId': 1, 'finished': 1, 'replyBy': 1}")
})
public class WorkOrder extends AggregateRoot {

    public enum State { ISSUED, ACKNOWLEDGED, COMPLETED, SIGNED_OFF, CALLED_BACK, ARCHIVED }

    public record Step(String action, State state, String by, Instant at, String note) {
    }

    public record ProgressReport(String note, Instant expectedCompletionAt, String by, Instant at, boolean beforeDue) {
    }

    public record EscalationRecord(String fromAssigneeId, String toSuperiorId, String reason, Instant at) {
    }

    public record Completion(String process, String result, String by, Instant at, boolean onTime) {
    }

    public record SignOff(String signedBy, String note, String recordedBy, Instant at) {
    }

    public record CallBack(String note, Boolean satisfied, String by, Instant at) {
    }

    private String dispatcherId;
    private String departmentId;
    private String assigneeId;
    private String location;
    private String task;
    private String requirements;
    private Instant replyBy;
    private String complaintId;
    private State state;
    /** Not yet completed: what the dispatcher's end-of-day review lists. */
    private boolean finished;
    private Instant issuedAt;
    private Instant acknowledgedAt;
    private List<ProgressReport> progress = new ArrayList<>();
    private List<EscalationRecord> escalations = new ArrayList<>();
    private Completion completion;
    private SignOff signOff;
    private CallBack callBack;
    private Instant archivedAt;
    private boolean overdue;
    /** When the overdue job should look at this order: its reply-by time while unfinished and not yet flagged. */
    @Indexed(sparse = true)
    private Instant overdueCheckAt;
    private List<Step> history = new ArrayList<>();

    protected WorkOrder() {
    }

    static WorkOrder issue(String dispatcherId, String departmentId, String assigneeId, String location, String task,
            String requirements, Instant replyBy, String complaintId, Instant now) {
        WorkOrder order = new WorkOrder();
        order.setId(new ObjectId().toHexString());
        order.dispatcherId = dispatcherId;
        order.departmentId = departmentId;
        order.assigneeId = assigneeId;
        order.location = location;
        order.task = task;
        order.requirements = requirements;
        order.replyBy = replyBy;
        order.complaintId = complaintId;
        order.state = State.ISSUED;
        order.issuedAt = now;
        order.overdueCheckAt = replyBy;
        order.step("ISSUED", dispatcherId, now, "to " + assigneeId + ", reply by " + replyBy);
        order.raise(ComplaintEvents.WORK_ORDER_ISSUED, new ComplaintEvents.WorkOrderIssued(order.getId(), assigneeId,
                dispatcherId, location, task, replyBy, complaintId));
        return order;
    }

    /** The assignee confirms receipt; the time is kept to the minute (CO-10). */
    void acknowledge(String by, Instant now) {
        requireAssignee(by);
        requireState(State.ISSUED, "acknowledged");
        state = State.ACKNOWLEDGED;
        acknowledgedAt = now.truncatedTo(ChronoUnit.MINUTES);
        step("ACKNOWLEDGED", by, now, null);
    }

    /** Progress when the order cannot be done by its reply-by time; reported before then (late ones are marked). */
    void reportProgress(String by, String note, Instant expectedCompletionAt, Instant now) {
        requireAssignee(by);
        requireState(State.ACKNOWLEDGED, "given a progress report");
        boolean beforeDue = now.isBefore(replyBy);
        progress.add(new ProgressReport(note, expectedCompletionAt, by, now, beforeDue));
        step("PROGRESS", by, now, (beforeDue ? "" : "after the reply-by time: ") + note);
    }

    /** No refusal: the assignee may only hand the order up to a superior, who must acknowledge it again (CO-10). */
    void escalate(String by, String superiorId, String reason, Instant now) {
        requireAssignee(by);
        if (state != State.ISSUED && state != State.ACKNOWLEDGED) {
            throw DomainException.conflict("work-order.illegal-transition", "A " + state + " order is no longer escalated");
        }
        if (superiorId.equals(assigneeId)) {
            throw DomainException.badRequest("work-order.escalation-to-self", "Escalate to a superior, not to yourself");
        }
        escalations.add(new EscalationRecord(assigneeId, superiorId, reason, now));
        step("ESCALATED", by, now, assigneeId + " → " + superiorId + ": " + reason);
        assigneeId = superiorId;
        state = State.ISSUED;
        acknowledgedAt = null;
    }

    void complete(String by, String process, String result, Instant now) {
        requireAssignee(by);
        requireState(State.ACKNOWLEDGED, "completed");
        boolean onTime = !now.isAfter(replyBy);
        completion = new Completion(process, result, by, now, onTime);
        state = State.COMPLETED;
        finished = true;
        overdueCheckAt = null;
        step("COMPLETED", by, now, result);
        raise(ComplaintEvents.WORK_ORDER_COMPLETED, new ComplaintEvents.WorkOrderCompleted(getId(), assigneeId, dispatcherId,
                result, now, onTime, complaintId));
    }

    /** The served party signs off; recorded by the assignee on site or by the dispatcher. */
    void signOff(String recordedBy, String signedBy, String note, Instant now) {
        requireState(State.COMPLETED, "signed off");
        signOff = new SignOff(signedBy, note, recordedBy, now);
        state = State.SIGNED_OFF;
        step("SIGNED_OFF", recordedBy, now, "signed by " + signedBy + (note == null ? "" : ": " + note));
    }

    void callBack(String dispatcher, String note, Boolean satisfied, Instant now) {
        requireState(State.SIGNED_OFF, "called back");
        callBack = new CallBack(note, satisfied, dispatcher, now);
        state = State.CALLED_BACK;
        step("CALLED_BACK", dispatcher, now, note);
    }

    void archive(String dispatcher, Instant now) {
        requireState(State.CALLED_BACK, "archived");
        state = State.ARCHIVED;
        archivedAt = now;
        step("ARCHIVED", dispatcher, now, null);
    }

    /** Flags an unfinished order past its reply-by time, once; false when there is nothing (more) to flag. */
    boolean flagOverdue(Instant now) {
        if (finished || overdue || now.isBefore(replyBy)) {
            return false;
        }
        overdue = true;
        overdueCheckAt = null;
        step("OVERDUE", "system", now, "not completed by " + replyBy);
        raise(ComplaintEvents.WORK_ORDER_OVERDUE, new ComplaintEvents.WorkOrderOverdue(getId(), assigneeId, dispatcherId,
                replyBy, progress.stream().anyMatch(ProgressReport::beforeDue), complaintId));
        return true;
    }

    private void requireAssignee(String by) {
        if (!by.equals(assigneeId)) {
            throw new DomainException(org.springframework.http.HttpStatus.FORBIDDEN, "access.denied",
                    "Only the assignee (" + assigneeId + ") does this");
        }
    }

    private void requireState(State wanted, String what) {
        if (state != wanted) {
            throw DomainException.conflict("work-order.illegal-transition",
                    "A " + state + " order cannot be " + what + "; it must be " + wanted).with("state", state);
        }
    }

    private void step(String action, String by, Instant at, String note) {
        history.add(new Step(action, state, by, at, note));
    }

    public String getDispatcherId() {
        return dispatcherId;
    }

    public String getDepartmentId() {
        return departmentId;
    }

    public String getAssigneeId() {
        return assigneeId;
    }

    public String getLocation() {
        return location;
    }

    public String getTask() {
        return task;
    }

    public String getRequirements() {
        return requirements;
    }

    public Instant getReplyBy() {
        return replyBy;
    }

    public String getComplaintId() {
        return complaintId;
    }

    public State getState() {
        return state;
    }

    public boolean isFinished() {
        return finished;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public Instant getAcknowledgedAt() {
        return acknowledgedAt;
    }

    public List<ProgressReport> getProgress() {
        return List.copyOf(progress);
    }

    public List<EscalationRecord> getEscalations() {
        return List.copyOf(escalations);
    }

    public Completion getCompletion() {
        return completion;
    }

    public SignOff getSignOff() {
        return signOff;
    }

    public CallBack getCallBack() {
        return callBack;
    }

    public Instant getArchivedAt() {
        return archivedAt;
    }

    public boolean isOverdue() {
        return overdue;
    }

    public List<Step> getHistory() {
        return List.copyOf(history);
    }
}
