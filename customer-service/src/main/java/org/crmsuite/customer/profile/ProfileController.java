package org.crmsuite.customer.profile;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.crmsuite.customer.classification.GradeQuotas;
import org.crmsuite.customer.access.Access;
import org.crmsuite.customer.access.Confidentiality;
import org.crmsuite.customer.access.Forbidden;
import org.crmsuite.customer.access.ProfileReads;
import org.crmsuite.customer.access.WriteRules;
import org.crmsuite.customer.calendar.BusinessCalendar;
import org.crmsuite.customer.classification.ReviewSchedule;
import org.crmsuite.customer.profile.CustomerRequests.CreateCustomer;
import org.crmsuite.customer.profile.CustomerRequests.Reason;
import org.crmsuite.customer.profile.CustomerRequests.UpdateCustomer;
import org.crmsuite.customer.profile.CustomerViews.CustomerSummary;
import org.crmsuite.customer.profile.CustomerViews.CustomerView;
import org.crmsuite.customer.profile.CustomerViews.HistoryView;
import org.crmsuite.customer.profile.Values.Change;
import org.crmsuite.customer.profile.Values.QualificationDocument;
import org.crmsuite.customer.web.Invalid;
import org.crmsuite.customer.web.PageView;
import org.crmsuite.customer.web.Paging;
import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.identity.Role;
import org.crmsuite.platform.web.DomainException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Customer profiles (CU-1, CU-2, CU-11) and the paged search. */
@RestController
class ProfileController {

    static final Map<String, String> SORTABLE = Map.of("name", "nameKey", "registrationNumber", "registrationNumber",
            "priority", "priority", "category", "category", "tier", "tier", "status", "status", "createdAt", "createdAt",
            "updatedAt", "updatedAt", "lastVerifiedAt", "lastVerifiedAt");

    private final Customers customers;
    private final ProfileReads reads;
    private final BusinessCalendar calendar;
    private final GradeQuotas quotas;

    ProfileController(Customers customers, ProfileReads reads, BusinessCalendar calendar, GradeQuotas quotas) {
        this.customers = customers;
        this.reads = reads;
        this.calendar = calendar;
        this.quotas = quotas;
    }

    @PostMapping("/api/v1/customers")
    ResponseEntity<CustomerView> create(@Valid @RequestBody CreateCustomer body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Caller caller) {
        if (idempotencyKey != null && idempotencyKey.length() > 100) {
            throw Invalid.field("Idempotency-Key", "must be at most 100 characters");
        }
        String department = body.departmentId();
        String owner = body.ownerId();
        if (WriteRules.seesEveryDepartment(caller)) {
            department = department == null ? caller.department() : department;
            owner = owner == null ? caller.id() : owner;
        } else if (caller.has(Role.MANAGER)) {
            Forbidden.unless(department == null || caller.inDepartment(department),
                    "A manager creates customers of their own department only");
            department = caller.department();
            owner = owner == null ? caller.id() : owner;
        } else if (caller.has(Role.SALES)) {
            Forbidden.unless(department == null || caller.inDepartment(department),
                    "A sales rep creates customers of their own department only");
            Forbidden.unless(owner == null || owner.equals(caller.id()), "A sales rep creates customers they own");
            department = caller.department();
            owner = caller.id();
        } else {
            throw Forbidden.because("Only sales reps, managers, directors, the general manager and administrators create customers");
        }
        if (department == null) {
            throw Invalid.field("departmentId", "is required");
        }
        Grade grade = body.grade() == null ? Grade.QUALIFIED : body.grade();
        Forbidden.unless(grade == Grade.QUALIFIED || WriteRules.mayClassify(caller, department),
                "Only a manager or above starts a customer above QUALIFIED (CU-4)");
        var now = customers.now();
        NewCustomer details = new NewCustomer(customers.tenantId(), profile(body.name(), body.registrationNumber(),
                body.address(), body.region(), body.industry(), body.legalRepresentative(), body.businessScope(),
                body.strategicValue(), body.organisation(), body.decisionChain(), body.productLines()),
                body.contacts() == null ? List.of()
                        : body.contacts().stream().map(c -> CustomerMapper.contact(CustomerMapper.newId(), c)).toList(),
                body.projects() == null ? List.of()
                        : body.projects().stream().map(p -> CustomerMapper.project(CustomerMapper.newId(), p)).toList(),
                owner, department, body.category() == null ? Category.GENERAL : body.category(), grade,
                body.documents() == null ? List.of()
                        : body.documents().stream().map(d -> new QualificationDocument(d.type(), d.number(), d.expiresOn())).toList(),
                caller.id(), idempotencyKey == null ? null : caller.id() + ":" + idempotencyKey, null,
                ReviewSchedule.next(now, customers.policy().reviewPeriodMonths(), calendar.zone()));
        Customers.Registration registration = customers.register(details, Boolean.TRUE.equals(body.confirmDuplicate()));
        Customer customer = registration.customer();
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/customers/" + customer.getId()))
                .eTag(etag(customer)).header("Idempotent-Replayed", String.valueOf(registration.repeated()))
                .body(CustomerMapper.view(customer, Confidentiality.access(caller, customer.getDepartmentId(), customer.getOwnerId())));
    }

    static ProfileDetails profile(String name, String registrationNumber, String address, String region, String industry,
            CustomerRequests.LegalRepresentativeBody rep, String businessScope, StrategicValue value, String organisation,
            List<String> decisionChain, List<String> productLines) {
        return new ProfileDetails(name.strip(), Customers.normalizeRegistration(registrationNumber), address, region,
                industry, CustomerMapper.legalRepresentative(rep), businessScope, value, organisation, decisionChain,
                productLines);
    }

    @GetMapping("/api/v1/customers/{id}")
    ResponseEntity<CustomerView> get(@PathVariable String id, Caller caller) {
        Customer customer = customers.get(id);
        Access access = readable(caller, customer);
        reads.readBy(caller, access, customer.getId(), customer.getDepartmentId(), "PROFILE");
        return ResponseEntity.ok().eTag(etag(customer)).body(CustomerMapper.view(customer, access));
    }

    @PutMapping("/api/v1/customers/{id}")
    ResponseEntity<CustomerView> update(@PathVariable String id, @Valid @RequestBody UpdateCustomer body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, Caller caller) {
        long version = expectedVersion(body.version(), ifMatch);
        Customer current = customers.get(id);
        Forbidden.unless(WriteRules.mayEdit(caller, current.getDepartmentId(), current.getOwnerId()),
                "Only the owner, the department's manager or above change this profile");
        refuseArchived(current);
        // productLines omitted: kept as they are (clients that predate them must not clear them); [] clears
        ProfileDetails details = profile(body.name(), body.registrationNumber(), body.address(), body.region(),
                body.industry(), body.legalRepresentative(), body.businessScope(), body.strategicValue(),
                body.organisation(), body.decisionChain(),
                body.productLines() == null ? current.getProductLines() : body.productLines());
        if (!details.registrationNumber().equals(current.getRegistrationNumber())) {
            customers.refuseDuplicateRegistration(details.registrationNumber());
        }
        Duration window = Duration.ofHours(customers.policy().majorChangeWindowHours());
        try {
            // CU-4: a VIP or preferred customer joining a product line counts against that line's quota
            List<String> joined = details.productLines().stream().filter(l -> !current.getProductLines().contains(l)).toList();
            Customer saved = quotas.enteringProductLines(joined, current.getGrade(), () -> customers.modify(id, version,
                    c -> c.updateProfile(details, body.reason(), caller.id(), customers.now(), body.occurredAt(), window)));
            return ResponseEntity.ok().eTag(etag(saved))
                    .body(CustomerMapper.view(saved, Confidentiality.access(caller, saved.getDepartmentId(), saved.getOwnerId())));
        } catch (DuplicateKeyException e) {
            customers.refuseDuplicateRegistration(details.registrationNumber());
            throw e;
        }
    }

    @GetMapping("/api/v1/customers")
    PageView<CustomerSummary> search(@RequestParam(required = false) @Size(max = 200) String name,
            @RequestParam(defaultValue = "CONTAINS") CustomerSearch.NameMatch nameMatch,
            @RequestParam(required = false) @Size(max = 32) String registrationNumber,
            @RequestParam(required = false) @Size(max = 32) String phone,
            @RequestParam(required = false) @Size(max = 64) String ownerId,
            @RequestParam(required = false) @Size(max = 64) String departmentId,
            @RequestParam(required = false) Category category, @RequestParam(required = false) Grade grade,
            @RequestParam(required = false) Tier tier, @RequestParam(required = false) CustomerStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Paging.MAX_SIZE) int size,
            @RequestParam(required = false) String sort, Caller caller) {
        Forbidden.unless(Confidentiality.mayRead(caller), "Only staff and services read customers");
        String scope = Confidentiality.searchDepartment(caller);
        String department = departmentId;
        if (scope != null) {
            Forbidden.unless(department == null || department.equals(scope),
                    "Sales reps and managers search their own department's customers only (CU-3)");
            department = scope;
        }
        CustomerSearch.Filter filter = new CustomerSearch.Filter(blankToNull(name), nameMatch, blankToNull(registrationNumber),
                blankToNull(phone), blankToNull(ownerId), department, category, grade, tier, status);
        var now = customers.now();
        return PageView.of(customers.search(filter, Paging.of(page, size, sort, SORTABLE, "name")),
                c -> CustomerMapper.summary(c, Confidentiality.access(caller, c.getDepartmentId(), c.getOwnerId()), now));
    }

    @GetMapping("/api/v1/customers/{id}/history")
    HistoryView history(@PathVariable String id, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Paging.MAX_SIZE) int size, Caller caller) {
        Customer customer = customers.get(id);
        Access access = readable(caller, customer);
        Forbidden.unless(access == Access.FULL, "The change history is for those who may see the full profile (CU-3)");
        reads.readBy(caller, access, customer.getId(), customer.getDepartmentId(), "HISTORY");
        List<Change> newestFirst = new java.util.ArrayList<>(customer.getHistory());
        java.util.Collections.reverse(newestFirst);
        PageView<Change> changes = PageView.ofList(newestFirst, page, size);
        return new HistoryView(customer.getId(), changes.items(), page, size, changes.totalItems());
    }

    @PostMapping("/api/v1/customers/{id}/verification")
    CustomerView verify(@PathVariable String id, Caller caller) {
        Customer current = customers.get(id);
        Forbidden.unless(WriteRules.mayEdit(caller, current.getDepartmentId(), current.getOwnerId()),
                "Only the owner, the department's manager or above verify this profile");
        Customer saved = customers.modify(id, c -> c.verify(caller.id(), customers.now()));
        return CustomerMapper.view(saved, Confidentiality.access(caller, saved.getDepartmentId(), saved.getOwnerId()));
    }

    @PostMapping("/api/v1/customers/{id}/archive")
    CustomerView archive(@PathVariable String id, @Valid @RequestBody Reason body, Caller caller) {
        Customer current = customers.get(id);
        Forbidden.unless(WriteRules.mayClassify(caller, current.getDepartmentId()),
                "Only the department's manager or above archive a customer");
        refuseArchived(current);
        Customer saved = customers.modify(id, c -> c.archive(body.reason(), caller.id(), customers.now()));
        return CustomerMapper.view(saved, Confidentiality.access(caller, saved.getDepartmentId(), saved.getOwnerId()));
    }

    /** CU-2 stale-profile report: not verified within {@code staleAfterDays} (policy). */
    @GetMapping("/api/v1/customers/stale")
    PageView<CustomerSummary> stale(@RequestParam(required = false) String departmentId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Paging.MAX_SIZE) int size, Caller caller) {
        String department = departmentId == null && !WriteRules.seesEveryDepartment(caller) ? caller.department() : departmentId;
        Forbidden.unless(WriteRules.seesEveryDepartment(caller) || WriteRules.mayReport(caller, department),
                "Only the department's manager or above see its stale profiles");
        var now = customers.now();
        return PageView.of(customers.stale(department, Paging.of(page, size, "lastVerifiedAt",
                Map.of("lastVerifiedAt", "lastVerifiedAt"), "lastVerifiedAt")),
                c -> CustomerMapper.summary(c, Confidentiality.access(caller, c.getDepartmentId(), c.getOwnerId()), now));
    }

    static Access readable(Caller caller, Customer customer) {
        Access access = Confidentiality.access(caller, customer.getDepartmentId(), customer.getOwnerId());
        Forbidden.unless(access != Access.NONE, "Your role and department do not give access to this customer (CU-3)");
        return access;
    }

    static void refuseArchived(Customer customer) {
        Customers.refuseArchived(customer);
    }

    static String etag(Customer customer) {
        return "\"" + customer.getVersion() + "\"";
    }

    static long expectedVersion(Long bodyVersion, String ifMatch) {
        if (bodyVersion != null) {
            return bodyVersion;
        }
        if (ifMatch != null) {
            String value = ifMatch.strip();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            value = value.replace("\"", "");
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw Invalid.field("If-Match", "must be the ETag of the version you read, e.g. \"3\"");
            }
        }
        throw Invalid.field("version", "is required (or send If-Match with the ETag you read)");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
