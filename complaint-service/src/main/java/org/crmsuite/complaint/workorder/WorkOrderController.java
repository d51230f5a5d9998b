package org.crmsuite.complaint.workorder;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.web.DomainException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/work-orders}: the work-order flow of CO-10. */
@RestController
class WorkOrderController {

    private final WorkOrders workOrders;

    WorkOrderController(WorkOrders workOrders) {
        this.workOrders = workOrders;
    }

    record NewWorkOrder(@NotBlank @Size(max = 100) String assigneeId, @NotBlank @Size(max = 500) String location,
            @NotBlank @Size(max = 4000) String task, @Size(max = 4000) String requirements, @NotNull Instant replyBy,
            @Size(max = 64) String complaintId) {
    }

    record ProgressRequest(@NotBlank @Size(max = 4000) String note, Instant expectedCompletionAt) {
    }

    record EscalationRequest(@NotBlank @Size(max = 100) String superiorId, @NotBlank @Size(max = 2000) String reason) {
    }

    record CompletionRequest(@NotBlank @Size(max = 4000) String process, @NotBlank @Size(max = 4000) String result) {
    }

    record SignOffRequest(@NotBlank @Size(max = 200) String signedBy, @Size(max = 2000) String note) {
    }

    record CallBackRequest(@NotBlank @Size(max = 2000) String note, Boolean satisfied) {
    }

    record WorkOrderView(String id, Long version, WorkOrder.State state, String dispatcherId, String departmentId,
            String assigneeId, String location, String task, String requirements, Instant replyBy, String complaintId,
            Instant issuedAt, Instant acknowledgedAt, boolean overdue, List<WorkOrder.ProgressReport> progress,
            List<WorkOrder.EscalationRecord> escalations, WorkOrder.Completion completion, WorkOrder.SignOff signOff,
            WorkOrder.CallBack callBack, Instant archivedAt, List<WorkOrder.Step> history) {
    }

    @PostMapping("/api/v1/work-orders")
    ResponseEntity<WorkOrderView> issue(@Valid @RequestBody NewWorkOrder body, Caller caller) {
        WorkOrder order = workOrders.issue(caller, body.assigneeId(), body.location(), body.task(), body.requirements(),
                body.replyBy(), body.complaintId());
        return ResponseEntity.created(URI.create("/api/v1/work-orders/" + order.getId())).body(view(order));
    }

    @GetMapping("/api/v1/work-orders/{id}")
    WorkOrderView get(@PathVariable String id, Caller caller) {
        return view(workOrders.visible(id, caller));
    }

    @GetMapping("/api/v1/work-orders")
    List<WorkOrderView> list(@RequestParam(required = false) String assigneeId,
            @RequestParam(required = false) WorkOrder.State state, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size, Caller caller) {
        return workOrders.list(caller, assigneeId, state, page, size).stream().map(WorkOrderController::view).toList();
    }

    /** CO-10 end-of-day review: unfinished orders of the caller's department issued by the end of {@code date} (today). */
    @GetMapping("/api/v1/work-orders/unfinished")
    List<WorkOrderView> unfinished(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String departmentId, Caller caller) {
        return workOrders.unfinished(caller, date, departmentId).stream().map(WorkOrderController::view).toList();
    }

    @PostMapping("/api/v1/work-orders/{id}/acknowledgement")
    WorkOrderView acknowledge(@PathVariable String id, Caller caller) {
        return view(workOrders.acknowledge(id, caller));
    }

    @PostMapping("/api/v1/work-orders/{id}/progress")
    WorkOrderView progress(@PathVariable String id, @Valid @RequestBody ProgressRequest body, Caller caller) {
        return view(workOrders.reportProgress(id, caller, body.note(), body.expectedCompletionAt()));
    }

    @PostMapping("/api/v1/work-orders/{id}/escalation")
    WorkOrderView escalate(@PathVariable String id, @Valid @RequestBody EscalationRequest body, Caller caller) {
        return view(workOrders.escalate(id, caller, body.superiorId(), body.reason()));
    }

    /** CO-10: an order may not be refused; this answer says what to do instead. */
    @PostMapping("/api/v1/work-orders/{id}/refusal")
    void refuse(@PathVariable String id, Caller caller) {
        workOrders.visible(id, caller);
        throw DomainException.conflict("work-order.refusal-not-allowed",
                "A work order cannot be refused (CO-10); escalate it to a superior: POST /api/v1/work-orders/" + id + "/escalation");
    }

    @PostMapping("/api/v1/work-orders/{id}/completion")
    WorkOrderView complete(@PathVariable String id, @Valid @RequestBody CompletionRequest body, Caller caller) {
        return view(workOrders.complete(id, caller, body.process(), body.result()));
    }

    @PostMapping("/api/v1/work-orders/{id}/sign-off")
    WorkOrderView signOff(@PathVariable String id, @Valid @RequestBody SignOffRequest body, Caller caller) {
        return view(workOrders.signOff(id, caller, body.signedBy(), body.note()));
    }

    @PostMapping("/api/v1/work-orders/{id}/call-back")
    WorkOrderView callBack(@PathVariable String id, @Valid @RequestBody CallBackRequest body, Caller caller) {
        return view(workOrders.callBack(id, caller, body.note(), body.satisfied()));
    }

    @PostMapping("/api/v1/work-orders/{id}/archive")
    WorkOrderView archive(@PathVariable String id, Caller caller) {
        return view(workOrders.archive(id, caller));
    }

    static WorkOrderView view(WorkOrder o) {
        return new WorkOrderView(o.getId(), o.getVersion(), o.getState(), o.getDispatcherId(), o.getDepartmentId(),
                o.getAssigneeId(), o.getLocation(), o.getTask(), o.getRequirements(), o.getReplyBy(), o.getComplaintId(),
                o.getIssuedAt(), o.getAcknowledgedAt(), o.isOverdue(), o.getProgress(), o.getEscalations(), o.getCompletion(),
                o.getSignOff(), o.getCallBack(), o.getArchivedAt(), o.getHistory());
    }
}
