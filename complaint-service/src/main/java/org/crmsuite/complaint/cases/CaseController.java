package org.crmsuite.complaint.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.crmsuite.complaint.access.Access;
import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.identity.Role;
import org.crmsuite.platform.web.DomainException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/complaints/**} after intake: read a case with its deadlines and time left, list and queue cases,
 * move a case through the workflow (CO-8), assign it, record contacts (CO-6), wait on the customer, extend an L3
 * case (CO-5). Writes accept {@code If-Match: "<version>"} (412 when stale) and answer with the new {@code ETag}.
 */
@RestController
class CaseController {

    private static final Set<String> SORTABLE = Set.of("receivedAt", "level", "state", "queueDueAt", "gradeRank", "updatedAt");

    private final Cases cases;

    CaseController(Cases cases) {
        this.cases = cases;
    }

    @GetMapping("/api/v1/complaints/{id}")
    ResponseEntity<Object> get(@PathVariable String id, Caller caller) {
        Complaint complaint = cases.visible(id, caller);
        if (!Access.isStaff(caller) && !caller.has(Role.SERVICE)) {
            return withVersion(complaint, CaseMapper.partnerView(complaint));
        }
        return withVersion(complaint, CaseMapper.view(complaint, cases.schedule(), cases.now()));
    }

    @GetMapping("/api/v1/complaints")
    CaseViews.Page<Object> list(@RequestParam(required = false) ComplaintState state, @RequestParam(required = false) Level level,
            @RequestParam(required = false) Category category, @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) String handlerId, @RequestParam(required = false) String departmentId,
            @RequestParam(required = false) String customerId,
            @RequestParam(required = false) Boolean open, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
            @RequestParam(defaultValue = "receivedAt,desc") String sort, Caller caller) {
        Criteria visible = visibleOrRefuse(caller);
        List<Criteria> filters = new ArrayList<>(List.of(visible));
        addIf(filters, "state", state);
        addIf(filters, "level", level);
        addIf(filters, "category", category);
        addIf(filters, "channel", channel);
        addIf(filters, "handlerId", handlerId);
        addIf(filters, "departmentId", departmentId);
        addIf(filters, "customerId", customerId);
        addIf(filters, "open", open);
        if (from != null || to != null) {
            Criteria received = Criteria.where("receivedAt");
            if (from != null) {
                received.gte(from);
            }
            if (to != null) {
                received.lt(to);
            }
            filters.add(received);
        }
        Query query = Query.query(new Criteria().andOperator(filters)).with(sortOf(sort));
        long total = cases.count(query);
        List<Complaint> found = cases.find(query.skip((long) page * size).limit(size));
        var schedule = cases.schedule();
        Instant now = cases.now();
        boolean staff = Access.isStaff(caller) || caller.has(Role.SERVICE);
        List<Object> items = found.stream()
                .map(c -> staff ? (Object) CaseMapper.view(c, schedule, now) : CaseMapper.partnerView(c)).toList();
        return new CaseViews.Page<>(items, page, size, total);
    }

    /**
     * A work queue (CU-9): open cases by customer grade (VIP first, unknown last), then by the earliest deadline.
     * Without parameters: the caller's own tier in the caller's department (directors: every department).
     */
    @GetMapping("/api/v1/complaints/queue")
    CaseViews.Page<CaseViews.QueueItem> queue(@RequestParam(required = false) HandlerTier tier,
            @RequestParam(required = false) String handlerId, @RequestParam(required = false) String departmentId,
            @RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
            Caller caller) {
        Criteria visible = visibleOrRefuse(caller);
        Access.requireStaff(caller);
        List<Criteria> filters = new ArrayList<>(List.of(visible));
        if (handlerId != null) {
            Access.require(!caller.has(Role.AGENT) || caller.hasAny(Role.MANAGER, Role.DIRECTOR) || handlerId.equals(caller.id()),
                    "An agent sees only its own queue");
            filters.add(Criteria.where("handlerId").is(handlerId));
        } else {
            HandlerTier wanted = tier != null ? tier : tierOf(caller);
            filters.add(Criteria.where("handlerTier").is(wanted));
            String department = departmentId != null ? departmentId
                    : wanted == HandlerTier.DIRECTOR ? null : caller.department();
            if (department != null) {
                filters.add(Criteria.where("departmentId").is(department));
            }
        }
        Criteria filter = new Criteria().andOperator(filters);
        List<Complaint> found = cases.queue(filter, page, size);
        long total = cases.count(Query.query(new Criteria().andOperator(Criteria.where("open").is(true), filter)));
        var schedule = cases.schedule();
        Instant now = cases.now();
        return new CaseViews.Page<>(found.stream().map(c -> CaseMapper.queueItem(c, schedule, now)).toList(), page, size, total);
    }

    /** CO-7: L3 cases rated 4–5, open and flagged for the executive meeting. */
    @GetMapping("/api/v1/complaints/executive-meeting")
    List<CaseViews.QueueItem> executiveMeeting(Caller caller) {
        Access.require(caller.hasAny(Role.DIRECTOR, Role.GM, Role.ADMIN), "The executive meeting's list is for directors and the GM");
        Criteria filter = new Criteria().andOperator(visibleOrRefuse(caller), Criteria.where("executiveMeeting").is(true));
        var schedule = cases.schedule();
        Instant now = cases.now();
        return cases.queue(filter, 0, 200).stream().map(c -> CaseMapper.queueItem(c, schedule, now)).toList();
    }

    @PostMapping("/api/v1/complaints/{id}/transitions")
    ResponseEntity<Object> transition(@PathVariable String id, @Valid @RequestBody CaseViews.TransitionRequest body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        Complaint complaint = cases.transition(id, version(ifMatch), caller, body.to(), body.note(), body.rating(),
                Boolean.TRUE.equals(body.customerUnreachable()), body.cause(), body.solution());
        return withVersion(complaint, CaseMapper.view(complaint, cases.schedule(), cases.now()));
    }

    @PostMapping("/api/v1/complaints/{id}/assignment")
    ResponseEntity<Object> assign(@PathVariable String id, @Valid @RequestBody CaseViews.AssignmentRequest body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        Complaint complaint = cases.assign(id, version(ifMatch), caller, body.handlerId(), body.note());
        return withVersion(complaint, CaseMapper.view(complaint, cases.schedule(), cases.now()));
    }

    @PostMapping("/api/v1/complaints/{id}/contacts")
    ResponseEntity<Object> contact(@PathVariable String id, @Valid @RequestBody CaseViews.ContactRequest body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        Complaint complaint = cases.recordContact(id, version(ifMatch), caller, body.at(), body.channel().name(), body.summary());
        return withVersion(complaint, CaseMapper.view(complaint, cases.schedule(), cases.now()));
    }

    @PostMapping("/api/v1/complaints/{id}/waiting")
    ResponseEntity<Object> waiting(@PathVariable String id, @Valid @RequestBody CaseViews.WaitingRequest body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        Complaint complaint = cases.waitOnCustomer(id, version(ifMatch), caller, body.waiting(), body.note());
        return withVersion(complaint, CaseMapper.view(complaint, cases.schedule(), cases.now()));
    }

    @PostMapping("/api/v1/complaints/{id}/resolution-extension")
    ResponseEntity<Object> extend(@PathVariable String id, @Valid @RequestBody CaseViews.ExtensionRequest body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        Complaint complaint = cases.extendResolution(id, version(ifMatch), caller, body.businessDays(), body.note());
        return withVersion(complaint, CaseMapper.view(complaint, cases.schedule(), cases.now()));
    }

    private static Criteria visibleOrRefuse(Caller caller) {
        Criteria visible = CaseAccess.visible(caller);
        if (visible == null) {
            throw Access.denied("Your role does not see complaints");
        }
        return visible;
    }

    private static HandlerTier tierOf(Caller caller) {
        for (Role role : List.of(Role.DIRECTOR, Role.MANAGER, Role.AGENT)) {
            if (caller.has(role)) {
                return HandlerTier.of(role);
            }
        }
        throw DomainException.badRequest("request.invalid", "Name a tier: AGENT, MANAGER or DIRECTOR");
    }

    private static void addIf(List<Criteria> filters, String field, Object value) {
        if (value != null) {
            filters.add(Criteria.where(field).is(value));
        }
    }

    private static Sort sortOf(String sort) {
        String[] parts = sort.split(",");
        String field = parts[0].trim();
        if (!SORTABLE.contains(field)) {
            throw DomainException.badRequest("request.invalid", "sort must be one of " + SORTABLE + ", optionally ,asc or ,desc");
        }
        boolean descending = parts.length > 1 && parts[1].trim().equalsIgnoreCase("desc");
        return Sort.by(descending ? Sort.Direction.DESC : Sort.Direction.ASC, field).and(Sort.by("_id"));
    }

    static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw DomainException.badRequest("request.invalid", "If-Match must be the ETag of the case, e.g. \"3\"");
        }
    }

    private static ResponseEntity<Object> withVersion(Complaint complaint, Object body) {
        return ResponseEntity.ok().eTag("\"" + complaint.getVersion() + "\"").body(body);
    }
}
