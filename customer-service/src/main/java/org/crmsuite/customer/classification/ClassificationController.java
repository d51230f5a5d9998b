package org.crmsuite.customer.classification;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.crmsuite.customer.access.Confidentiality;
import org.crmsuite.customer.access.Forbidden;
import org.crmsuite.customer.access.WriteRules;
import org.crmsuite.customer.calendar.BusinessCalendar;
import org.crmsuite.customer.profile.Category;
import org.crmsuite.customer.profile.Customer;
import org.crmsuite.customer.profile.CustomerMapper;
import org.crmsuite.customer.profile.CustomerStatus;
import org.crmsuite.customer.profile.CustomerViews.CustomerView;
import org.crmsuite.customer.profile.Customers;
import org.crmsuite.customer.profile.Grade;
import org.crmsuite.customer.profile.Values.MonthlyVolume;
import org.crmsuite.customer.profile.Values.ProblemKind;
import org.crmsuite.customer.profile.Values.ProblemRecord;
import org.crmsuite.customer.web.PageView;
import org.crmsuite.customer.web.Paging;
import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.web.DomainException;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Classification (CU-4) and periodic review (CU-6): category, grade with its quota, volume tier from monthly volume,
 * problems that start a VIP's downgrade deadline, reviews and the lists of what is due. Every change keeps who, when
 * and why in the history and raises its event.
 */
@RestController
class ClassificationController {

    private final Customers customers;
    private final GradeQuotas quotas;
    private final BusinessCalendar calendar;
    private final MongoTemplate mongo;

    ClassificationController(Customers customers, GradeQuotas quotas, BusinessCalendar calendar, MongoTemplate mongo) {
        this.customers = customers;
        this.quotas = quotas;
        this.calendar = calendar;
        this.mongo = mongo;
    }

    record CategoryChange(@NotNull Category category, @NotBlank @Size(max = 500) String reason) {
    }

    record GradeChange(@NotNull Grade grade, @NotBlank @Size(max = 500) String reason) {
    }

    record VolumeRecord(@NotBlank @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "must be a month like 2026-10") String month,
            @NotNull @DecimalMin("0") BigDecimal tonnes) {
    }

    record ProblemReport(@NotNull ProblemKind kind, @NotBlank @Size(max = 2000) String description) {
    }

    record Review(@NotNull Grade grade, @NotBlank @Size(max = 2000) String reason) {
    }

    record DueItem(String customerId, String name, String departmentId, String ownerId, Grade grade, Instant dueAt,
            boolean overdue) {
    }

    @PutMapping("/api/v1/customers/{id}/category")
    CustomerView category(@PathVariable String id, @Valid @RequestBody CategoryChange body, Caller caller) {
        Customer customer = classifiable(id, caller);
        Customer saved = customers.modify(id, c -> c.changeCategory(body.category(), body.reason(), caller.id(), customers.now()));
        return view(saved, caller, customer);
    }

    /** CU-4 quota and CU-7 blacklist apply to promotions; downgrades are always possible. */
    @PutMapping("/api/v1/customers/{id}/grade")
    CustomerView grade(@PathVariable String id, @Valid @RequestBody GradeChange body, Caller caller) {
        Customer customer = classifiable(id, caller);
        Customer saved = changeGrade(customer, body.grade(), body.reason(), caller, null);
        return view(saved, caller, customer);
    }

    private Customer changeGrade(Customer customer, Grade to, String reason, Caller caller, Instant nextReview) {
        boolean promotion = to.isAbove(customer.getGrade());
        if (promotion) {
            customer.blacklistedIn(customer.getDepartmentId(), customers.now()).ifPresent(entry -> {
                throw DomainException.conflict("customer.blacklisted",
                        "A blacklisted customer cannot be promoted (CU-7)").with("entryId", entry.entryId())
                        .with("scope", entry.scope().name());
            });
        }
        long version = customer.getVersion();
        return quotas.promoting(customer.getDepartmentId(), customer.getProductLines(), customer.getGrade(), to, false,
                () -> customers.modify(customer.getId(), version, c -> {
                    if (nextReview != null) {
                        c.review(to, reason, caller.id(), customers.now(), nextReview);
                    } else {
                        c.changeGrade(to, reason, caller.id(), customers.now());
                    }
                }));
    }

    /** CU-4: the month's volume moves the tier up or down (thresholds are policy). */
    @PostMapping("/api/v1/customers/{id}/volumes")
    CustomerView volume(@PathVariable String id, @Valid @RequestBody VolumeRecord body, Caller caller) {
        Customer customer = customers.get(id);
        Forbidden.unless(WriteRules.mayRecordBusiness(caller, customer.getDepartmentId(), customer.getOwnerId()),
                "Only the owner, the department's manager, finance or above record volumes");
        refuseArchived(customer);
        var thresholds = customers.policy().tierThresholds();
        Customer saved = customers.modify(id, c -> {
            var now = customers.now();
            c.recordVolume(new MonthlyVolume(body.month(), body.tonnes()), caller.id(), now);
            MonthlyVolume latest = c.latestVolume().orElseThrow();
            c.changeTier(VolumeTiers.tierFor(latest.tonnes(), thresholds),
                    "CU-4: " + latest.tonnes().toPlainString() + " t in " + latest.month(), caller.id(), now);
        });
        return view(saved, caller, customer);
    }

    /** CU-6: a problem on a VIP starts the downgrade deadline, computed on the business calendar. */
    @PostMapping("/api/v1/customers/{id}/problems")
    CustomerView problem(@PathVariable String id, @Valid @RequestBody ProblemReport body, Caller caller) {
        Customer customer = customers.get(id);
        Forbidden.unless(WriteRules.mayRecordBusiness(caller, customer.getDepartmentId(), customer.getOwnerId()),
                "Only the owner, the department's manager, finance or above record problems");
        refuseArchived(customer);
        int days = customers.policy().vipDowngradeBusinessDays();
        Customer saved = customers.modify(id, c -> {
            var now = customers.now();
            c.recordProblem(new ProblemRecord(CustomerMapper.newId(), body.kind(), body.description(), caller.id(), now),
                    calendar.plusBusinessDays(now, days));
        });
        return view(saved, caller, customer);
    }

    /** CU-6 periodic review: the grade stays or changes, and the next review is due a period later. */
    @PostMapping("/api/v1/customers/{id}/reviews")
    CustomerView review(@PathVariable String id, @Valid @RequestBody Review body, Caller caller) {
        Customer customer = classifiable(id, caller);
        Instant next = ReviewSchedule.next(customers.now(), customers.policy().reviewPeriodMonths(), calendar.zone());
        Customer saved = changeGrade(customer, body.grade(), body.reason(), caller, next);
        return view(saved, caller, customer);
    }

    /** CU-6: customers whose periodic review is due by {@code before} (default now), earliest first. */
    @GetMapping("/api/v1/customers/reviews/due")
    PageView<DueItem> reviewsDue(@RequestParam(required = false) String departmentId,
            @RequestParam(required = false) Instant before, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Paging.MAX_SIZE) int size, Caller caller) {
        String department = reportDepartment(departmentId, caller);
        Instant now = customers.now();
        Instant by = before == null ? now : before;
        Criteria criteria = Criteria.where("nextReviewAt").lte(by).and("status").ne(CustomerStatus.ARCHIVED.name());
        return due(department, criteria, "nextReviewAt", page, size, c -> new DueItem(c.getId(), c.getName(),
                c.getDepartmentId(), c.getOwnerId(), c.getGrade(), c.getNextReviewAt(), !c.getNextReviewAt().isAfter(now)));
    }

    /** CU-6: VIPs with a recorded problem and their downgrade deadline, earliest first. */
    @GetMapping("/api/v1/customers/downgrades/due")
    PageView<DueItem> downgradesDue(@RequestParam(required = false) String departmentId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Paging.MAX_SIZE) int size, Caller caller) {
        String department = reportDepartment(departmentId, caller);
        Instant now = customers.now();
        Criteria criteria = Criteria.where("downgradeDueAt").ne(null).and("grade").is(Grade.VIP.name());
        return due(department, criteria, "downgradeDueAt", page, size, c -> new DueItem(c.getId(), c.getName(),
                c.getDepartmentId(), c.getOwnerId(), c.getGrade(), c.getDowngradeDueAt(), !c.getDowngradeDueAt().isAfter(now)));
    }

    private PageView<DueItem> due(String department, Criteria criteria, String sortField, int page, int size,
            java.util.function.Function<Customer, DueItem> item) {
        List<Criteria> all = new ArrayList<>(List.of(Criteria.where("tenantId").is(customers.tenantId()), criteria));
        if (department != null) {
            all.add(Criteria.where("departmentId").is(department));
        }
        Query query = new Query(new Criteria().andOperator(all));
        long total = mongo.count(query, Customer.class);
        var pageable = PageRequest.of(page, size, Sort.by(sortField, "_id"));
        query.with(pageable).fields().include("name", "departmentId", "ownerId", "grade", "nextReviewAt", "downgradeDueAt");
        return PageView.of(new PageImpl<>(mongo.find(query, Customer.class), pageable, total), item);
    }

    private static String reportDepartment(String departmentId, Caller caller) {
        if (WriteRules.seesEveryDepartment(caller)) {
            return departmentId;
        }
        String department = departmentId == null ? caller.department() : departmentId;
        Forbidden.unless(WriteRules.mayReport(caller, department), "Only the department's manager or above see what is due");
        return department;
    }

    private Customer classifiable(String id, Caller caller) {
        Customer customer = customers.get(id);
        Forbidden.unless(WriteRules.mayClassify(caller, customer.getDepartmentId()),
                "Only the department's manager or above classify customers (CU-4)");
        refuseArchived(customer);
        return customer;
    }

    private static void refuseArchived(Customer customer) {
        if (customer.isArchived()) {
            throw DomainException.conflict("customer.archived", "The customer is archived").with("customerId", customer.getId());
        }
    }

    private static CustomerView view(Customer saved, Caller caller, Customer before) {
        return CustomerMapper.view(saved, Confidentiality.access(caller, before.getDepartmentId(), before.getOwnerId()));
    }
}
