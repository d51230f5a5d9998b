package org.crmsuite.customer.admission;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.crmsuite.customer.access.Forbidden;
import org.crmsuite.customer.access.WriteRules;
import org.crmsuite.customer.admission.AdmissionChain.Status;
import org.crmsuite.customer.admission.AdmissionChain.Step;
import org.crmsuite.customer.profile.CustomerMapper;
import org.crmsuite.customer.profile.Customers;
import org.crmsuite.customer.profile.Phones;
import org.crmsuite.customer.profile.ProfileDetails;
import org.crmsuite.customer.profile.Values.Contact;
import org.crmsuite.customer.profile.Values.DocumentType;
import org.crmsuite.customer.profile.Values.LegalRepresentative;
import org.crmsuite.customer.profile.Values.QualificationDocument;
import org.crmsuite.customer.web.Invalid;
import org.crmsuite.customer.web.PageView;
import org.crmsuite.customer.web.Paging;
import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.identity.Role;
import org.crmsuite.platform.web.DomainException;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admissions} (CU-5): applications and the sales → finance → general manager review chain. */
@RestController
class AdmissionController {

    private final Admissions admissions;
    private final Customers customers;
    private final MongoTemplate mongo;

    AdmissionController(Admissions admissions, Customers customers, MongoTemplate mongo) {
        this.admissions = admissions;
        this.customers = customers;
        this.mongo = mongo;
    }

    record DocumentBody(@NotNull DocumentType type, @NotBlank @Size(max = 64) String number, @NotNull LocalDate expiresOn) {
    }

    record InvoicingBody(@NotBlank @Size(max = 200) String bank, @NotBlank @Size(max = 64) String account,
            @Size(max = 500) String address, @Size(max = 32) String phone) {
    }

    record ContactBody(@NotBlank @Size(max = 100) String name, @Size(max = 100) String title,
            @Pattern(regexp = "\\+?[0-9][0-9 ()-]{4,24}", message = "must be a phone number") String phone,
            @Email String email, @Past LocalDate birthday, Boolean key) {
    }

    record Application(@NotBlank @Size(max = 200) String name,
            @NotBlank @Pattern(regexp = "[0-9A-Za-z-]{6,32}", message = "must be 6 to 32 letters, digits or dashes") String registrationNumber,
            @Size(max = 500) String address, @Size(max = 100) String region, @Size(max = 100) String industry,
            @Size(max = 100) String legalRepresentative, @Size(max = 2000) String businessScope,
            @Valid @Size(max = 20) List<ContactBody> contacts, @Size(max = 64) String departmentId,
            @Size(max = 64) String proposedOwnerId, @NotEmpty @Valid @Size(max = 10) List<DocumentBody> documents,
            @NotNull @Valid InvoicingBody invoicing) {
    }

    enum Verdict {
        APPROVE, REJECT
    }

    record DecisionBody(@NotNull Verdict decision, @NotBlank @Size(max = 2000) String reason) {
    }

    record AdmissionView(String id, Long version, String name, String registrationNumber, String departmentId,
            String proposedOwnerId, List<QualificationDocument> documents, Admission.Invoicing invoicing, Status status,
            Step pendingStep, List<Admission.Decision> decisions, String submittedBy, String customerId, Instant createdAt,
            Instant updatedAt) {

        static AdmissionView of(Admission a) {
            return new AdmissionView(a.getId(), a.getVersion(), a.getApplicant().name(), a.getRegistrationNumber(),
                    a.getDepartmentId(), a.getProposedOwnerId(), a.getDocuments(), a.getInvoicing(), a.getStatus(),
                    AdmissionChain.pending(a.getStatus()), a.getDecisions(), a.getSubmittedBy(), a.getCustomerId(),
                    a.getCreatedAt(), a.getUpdatedAt());
        }
    }

    @PostMapping("/api/v1/admissions")
    ResponseEntity<AdmissionView> submit(@Valid @RequestBody Application body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Caller caller) {
        if (idempotencyKey != null && idempotencyKey.length() > 100) {
            throw Invalid.field("Idempotency-Key", "must be at most 100 characters");
        }
        String department = body.departmentId();
        String owner = body.proposedOwnerId();
        if (WriteRules.seesEveryDepartment(caller)) {
            department = department == null ? caller.department() : department;
        } else if (caller.hasAny(Role.SALES, Role.MANAGER)) {
            Forbidden.unless(department == null || caller.inDepartment(department),
                    "Applications are submitted for your own department");
            department = caller.department();
            if (!caller.has(Role.MANAGER)) {
                Forbidden.unless(owner == null || owner.equals(caller.id()), "A sales rep proposes themselves as owner");
            }
        } else {
            throw Forbidden.because("Only sales reps, managers and above submit admission applications");
        }
        if (department == null) {
            throw Invalid.field("departmentId", "is required");
        }
        owner = owner == null ? caller.id() : owner;
        List<Contact> contacts = new ArrayList<>();
        if (body.contacts() != null) {
            for (ContactBody c : body.contacts()) {
                Integer key = c.birthday() == null ? null : c.birthday().getMonthValue() * 100 + c.birthday().getDayOfMonth();
                contacts.add(new Contact(CustomerMapper.newId(), c.name(), c.title(), Phones.normalize(c.phone()),
                        c.email(), null, c.birthday(), key, Boolean.TRUE.equals(c.key()), false));
            }
        }
        ProfileDetails applicant = new ProfileDetails(body.name().strip(), Customers.normalizeRegistration(body.registrationNumber()),
                body.address(), body.region(), body.industry(),
                body.legalRepresentative() == null ? null : new LegalRepresentative(body.legalRepresentative(), null),
                body.businessScope(), null, null, List.of());
        Admission admission = admissions.submit(Admission.submit(customers.tenantId(), applicant, contacts, department, owner,
                body.documents().stream().map(d -> new QualificationDocument(d.type(), d.number(), d.expiresOn())).toList(),
                new Admission.Invoicing(body.invoicing().bank(), body.invoicing().account(), body.invoicing().address(),
                        body.invoicing().phone()),
                caller.id(), idempotencyKey == null ? null : caller.id() + ":" + idempotencyKey));
        return ResponseEntity.created(URI.create("/api/v1/admissions/" + admission.getId())).body(AdmissionView.of(admission));
    }

    @GetMapping("/api/v1/admissions/{id}")
    AdmissionView get(@PathVariable String id, Caller caller) {
        Admission admission = admissions.get(id);
        Forbidden.unless(mayRead(caller, admission.getDepartmentId()), "Your role does not review admissions");
        return AdmissionView.of(admission);
    }

    @GetMapping("/api/v1/admissions")
    PageView<AdmissionView> list(@RequestParam(required = false) Status status,
            @RequestParam(required = false) String departmentId, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Paging.MAX_SIZE) int size, Caller caller) {
        String department = departmentId;
        if (!caller.hasAny(Role.ADMIN, Role.GM, Role.DIRECTOR, Role.FINANCE)) {
            Forbidden.unless(caller.hasAny(Role.SALES, Role.MANAGER), "Your role does not review admissions");
            Forbidden.unless(department == null || caller.inDepartment(department), "Your own department's applications only");
            department = caller.department();
        }
        Criteria criteria = Criteria.where("tenantId").is(customers.tenantId());
        if (status != null) {
            criteria = criteria.and("status").is(status.name());
        }
        if (department != null) {
            criteria = criteria.and("departmentId").is(department);
        }
        Query query = new Query(criteria);
        long total = mongo.count(query, Admission.class);
        var pageable = PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt", "_id"));
        return PageView.of(new PageImpl<>(mongo.find(query.with(pageable), Admission.class), pageable, total), AdmissionView::of);
    }

    /**
     * The pending step's decision, by its role only (403 otherwise, naming the role expected). Approval by the general
     * manager creates the customer as QUALIFIED.
     */
    @PostMapping("/api/v1/admissions/{id}/decisions")
    AdmissionView decide(@PathVariable String id, @Valid @RequestBody DecisionBody body, Caller caller) {
        Admission admission = admissions.get(id);
        Step step = AdmissionChain.pending(admission.getStatus());
        if (step == null) {
            throw DomainException.conflict("admission.already-decided", "The application was decided already: "
                    + admission.getStatus()).with("admissionStatus", admission.getStatus().name());
        }
        if (!AdmissionChain.mayDecide(caller, step, admission.getDepartmentId())) {
            throw Forbidden.because("The " + step + " step is decided by role " + step.role()
                    + (step == Step.SALES ? " of department " + admission.getDepartmentId() : "") + " (CU-5)")
                    .with("pendingStep", step.name()).with("expectedRole", step.role().name());
        }
        return AdmissionView.of(admissions.decide(admission, step, body.decision() == Verdict.APPROVE, body.reason(),
                caller.id()));
    }

    private static boolean mayRead(Caller caller, String departmentId) {
        return caller.hasAny(Role.ADMIN, Role.GM, Role.DIRECTOR, Role.FINANCE)
                || (caller.hasAny(Role.SALES, Role.MANAGER) && caller.inDepartment(departmentId));
    }
}
