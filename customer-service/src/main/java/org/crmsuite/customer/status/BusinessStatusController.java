package org.crmsuite.customer.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.crmsuite.customer.access.Confidentiality;
import org.crmsuite.customer.access.Forbidden;
import org.crmsuite.customer.calendar.BusinessCalendar;
import org.crmsuite.customer.profile.Category;
import org.crmsuite.customer.profile.Customer;
import org.crmsuite.customer.profile.CustomerStatus;
import org.crmsuite.customer.profile.Grade;
import org.crmsuite.customer.profile.Tier;
import org.crmsuite.customer.profile.Values.BlacklistEntry;
import org.crmsuite.customer.profile.Values.DocumentType;
import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.web.DomainException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/customers/{id}/business-status?department=…}: may the asking department do business with this
 * customer now? One primary-key read of a few fields, for other services' Feign calls (sales, visits, deposits).
 * Reasons, first that applies: {@code archived}; {@code blacklisted} (CU-7, a company entry or one of that department);
 * {@code suspended} (CU-8, also while a document has expired but the job has not run yet). {@code priority} is CU-9's
 * order of service (1 = VIP).
 */
@RestController
class BusinessStatusController {

    private final MongoTemplate mongo;
    private final BusinessCalendar calendar;

    BusinessStatusController(MongoTemplate mongo, BusinessCalendar calendar) {
        this.mongo = mongo;
        this.calendar = calendar;
    }

    record BusinessStatus(String customerId, boolean allowed, String reason, String detail, String department, String name,
            Grade grade, int priority, Category category, Tier tier, CustomerStatus status, String ownerId,
            String departmentId, String blacklistEntryId, String blacklistScope, Instant blacklistedUntil,
            List<DocumentType> expiredDocuments) {
    }

    @GetMapping("/api/v1/customers/{id}/business-status")
    BusinessStatus status(@PathVariable String id, @RequestParam(required = false) String department, Caller caller) {
        Forbidden.unless(Confidentiality.mayRead(caller), "Only staff and services ask for a customer's business status");
        Query query = new Query(Criteria.where("_id").is(id));
        query.fields().include("name", "grade", "priority", "category", "tier", "status", "ownerId", "departmentId",
                "blacklist", "documents");
        Customer c = mongo.findOne(query, Customer.class);
        if (c == null) {
            throw DomainException.notFound("customer", id);
        }
        String asking = department == null ? c.getDepartmentId() : department;
        Instant now = calendar.now();
        LocalDate today = calendar.today();
        BlacklistEntry entry = c.blacklistedIn(asking, now).orElse(null);
        List<DocumentType> expired = c.expiredDocuments(today);
        String reason = null;
        String detail = null;
        if (c.getStatus() == CustomerStatus.ARCHIVED) {
            reason = "archived";
            detail = "The customer is archived";
        } else if (entry != null) {
            reason = "blacklisted";
            detail = "Blacklisted (" + entry.scope() + ", " + entry.reason() + ") until " + entry.expiresAt();
        } else if (c.getStatus() == CustomerStatus.SUSPENDED || !expired.isEmpty()) {
            reason = "suspended";
            detail = "Business is suspended until expired qualification documents are renewed: " + expired;
        }
        return new BusinessStatus(c.getId(), reason == null, reason, detail, asking, c.getName(), c.getGrade(),
                c.getPriority(), c.getCategory(), c.getTier(), c.getStatus(), c.getOwnerId(), c.getDepartmentId(),
                entry == null ? null : entry.entryId(), entry == null ? null : entry.scope().name(),
                entry == null ? null : entry.expiresAt(), expired);
    }
}
