package org.crmsuite.customer.blacklist;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.crmsuite.customer.access.Confidentiality;
import org.crmsuite.customer.access.Forbidden;
import org.crmsuite.customer.access.WriteRules;
import org.crmsuite.customer.calendar.BusinessCalendar;
import org.crmsuite.customer.profile.Customer;
import org.crmsuite.customer.profile.CustomerMapper;
import org.crmsuite.customer.profile.Customers;
import org.crmsuite.customer.profile.Values.BlacklistEntry;
import org.crmsuite.customer.profile.Values.BlacklistReason;
import org.crmsuite.customer.profile.Values.BlacklistScope;
import org.crmsuite.customer.profile.Values.BlacklistState;
import org.crmsuite.customer.web.Invalid;
import org.crmsuite.customer.web.PageView;
import org.crmsuite.customer.web.Paging;
import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.web.DomainException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/blacklist} (CU-7): department- or company-level entries with one of the three reasons, expiring after
 * the policy's months (6) unless lifted earlier. Entries live on the customer document, so each one and its event are
 * one write; lifting or expiry re-admits the customer only as QUALIFIED.
 */
@RestController
class BlacklistController {

    private final Customers customers;
    private final BusinessCalendar calendar;
    private final MongoTemplate mongo;

    BlacklistController(Customers customers, BusinessCalendar calendar, MongoTemplate mongo) {
        this.customers = customers;
        this.calendar = calendar;
        this.mongo = mongo;
    }

    record NewEntry(@NotBlank @Size(max = 64) String customerId, @NotNull BlacklistScope scope,
            @Size(max = 64) String departmentId, @NotNull BlacklistReason reason, @Size(max = 2000) String note,
            LocalDate expiresOn) {
    }

    record Lift(@NotBlank @Size(max = 500) String reason) {
    }

    record EntryView(String customerId, String customerName, String customerDepartmentId, String entryId, String scope,
            String departmentId, String reason, String note, String createdBy, Instant createdAt, Instant expiresAt,
            String state, Instant endedAt, String endedBy, String endReason) {

        static EntryView of(Customer customer, BlacklistEntry e) {
            var v = CustomerMapper.blacklist(e);
            return new EntryView(customer.getId(), customer.getName(), customer.getDepartmentId(), v.entryId(), v.scope(),
                    v.departmentId(), v.reason(), v.note(), v.createdBy(), v.createdAt(), v.expiresAt(), v.state(),
                    v.endedAt(), v.endedBy(), v.endReason());
        }
    }

    @PostMapping("/api/v1/blacklist")
    ResponseEntity<EntryView> add(@Valid @RequestBody NewEntry body, Caller caller) {
        Customer customer = customers.get(body.customerId());
        boolean company = body.scope() == BlacklistScope.COMPANY;
        String department = company ? null : (body.departmentId() == null ? caller.department() : body.departmentId());
        if (!company && department == null) {
            throw Invalid.field("departmentId", "is required for a DEPARTMENT entry");
        }
        Forbidden.unless(WriteRules.mayBlacklist(caller, company, department),
                "A manager blacklists within their own department; company-wide needs a director, the general manager or an administrator");
        Instant now = customers.now();
        LocalDate today = calendar.today();
        LocalDate latest = today.plusMonths(customers.policy().blacklistMonths());
        LocalDate until = body.expiresOn() == null ? latest : body.expiresOn();
        if (!until.isAfter(today) || until.isAfter(latest)) {
            throw Invalid.field("expiresOn", "must be after today and at most " + customers.policy().blacklistMonths()
                    + " months ahead (" + latest + ")");
        }
        Instant expiresAt = body.expiresOn() == null ? now.atZone(calendar.zone()).plusMonths(customers.policy().blacklistMonths()).toInstant()
                : until.atStartOfDay(calendar.zone()).toInstant();
        boolean already = customer.getBlacklist().stream().anyMatch(e -> e.state() == BlacklistState.ACTIVE
                && now.isBefore(e.expiresAt()) && e.scope() == body.scope()
                && (company || department.equals(e.departmentId())));
        if (already) {
            throw DomainException.conflict("blacklist.already-blacklisted", "The customer is already blacklisted in this scope");
        }
        BlacklistEntry entry = new BlacklistEntry(CustomerMapper.newId(), body.scope(), department, body.reason(),
                body.note(), caller.id(), now, expiresAt, BlacklistState.ACTIVE, null, null, null);
        Customer saved = customers.modify(customer.getId(), c -> c.blacklist(entry));
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/blacklist/" + entry.entryId()))
                .body(EntryView.of(saved, entry));
    }

    @GetMapping("/api/v1/blacklist/{entryId}")
    EntryView get(@PathVariable String entryId, Caller caller) {
        Forbidden.unless(Confidentiality.mayRead(caller), "Only staff and services read the blacklist");
        Customer customer = byEntry(entryId);
        return EntryView.of(customer, customer.blacklistEntry(entryId).orElseThrow());
    }

    @PostMapping("/api/v1/blacklist/{entryId}/lift")
    EntryView lift(@PathVariable String entryId, @Valid @RequestBody Lift body, Caller caller) {
        Customer customer = byEntry(entryId);
        BlacklistEntry entry = customer.blacklistEntry(entryId).orElseThrow();
        Forbidden.unless(WriteRules.mayBlacklist(caller, entry.scope() == BlacklistScope.COMPANY, entry.departmentId()),
                "Only who may make such an entry may lift it");
        if (entry.state() != BlacklistState.ACTIVE) {
            throw DomainException.conflict("blacklist.not-active", "The entry ended already: " + entry.state());
        }
        Customer saved = customers.modify(customer.getId(), c -> {
            if (c.blacklistEntry(entryId).orElseThrow().state() == BlacklistState.ACTIVE) {
                c.endBlacklisting(entryId, BlacklistState.LIFTED, body.reason(), caller.id(), customers.now());
            }
        });
        return EntryView.of(saved, saved.blacklistEntry(entryId).orElseThrow());
    }

    /** Entries, newest first; {@code active=true} only those in force now. */
    @GetMapping("/api/v1/blacklist")
    PageView<EntryView> list(@RequestParam(required = false) String customerId,
            @RequestParam(required = false) String departmentId, @RequestParam(defaultValue = "false") boolean active,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Paging.MAX_SIZE) int size, Caller caller) {
        Forbidden.unless(Confidentiality.mayRead(caller), "Only staff and services read the blacklist");
        Instant now = customers.now();
        Criteria entry = Criteria.where("entryId").exists(true);
        if (active) {
            entry = entry.and("state").is(BlacklistState.ACTIVE.name()).and("expiresAt").gt(now);
        }
        List<Criteria> all = new ArrayList<>(List.of(Criteria.where("tenantId").is(customers.tenantId()),
                Criteria.where("blacklist").elemMatch(entry)));
        if (customerId != null) {
            all.add(Criteria.where("_id").is(customerId));
        }
        Query query = new Query(new Criteria().andOperator(all)).limit(5000);
        query.fields().include("name", "departmentId", "blacklist");
        List<EntryView> entries = mongo.find(query, Customer.class).stream()
                .flatMap(c -> c.getBlacklist().stream()
                        .filter(e -> !active || e.blocks(e.departmentId(), now))
                        .filter(e -> departmentId == null || e.scope() == BlacklistScope.COMPANY || departmentId.equals(e.departmentId()))
                        .map(e -> EntryView.of(c, e)))
                .sorted(Comparator.comparing(EntryView::createdAt).reversed())
                .toList();
        return PageView.ofList(entries, page, size);
    }

    private Customer byEntry(String entryId) {
        Customer customer = mongo.findOne(new Query(Criteria.where("blacklist.entryId").is(entryId)), Customer.class);
        if (customer == null) {
            throw DomainException.notFound("blacklist-entry", entryId);
        }
        return customer;
    }
}
