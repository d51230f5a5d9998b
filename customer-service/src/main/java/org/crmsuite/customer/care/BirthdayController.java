package org.crmsuite.customer.care;

import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.crmsuite.customer.access.Confidentiality;
import org.crmsuite.customer.access.Forbidden;
import org.crmsuite.customer.profile.Customer;
import org.crmsuite.customer.profile.CustomerStatus;
import org.crmsuite.customer.profile.Customers;
import org.crmsuite.customer.profile.Values.Contact;
import org.crmsuite.customer.web.Invalid;
import org.crmsuite.customer.web.PageView;
import org.crmsuite.customer.web.Paging;
import org.crmsuite.platform.identity.Caller;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Care data (CU-1): birthdays of key contacts between two month-days across customers, for care messages.
 * {@code from=12-20&to=01-10} wraps over the new year. Only month and day are returned, never the year of birth.
 */
@RestController
class BirthdayController {

    private final MongoTemplate mongo;
    private final Customers customers;

    BirthdayController(MongoTemplate mongo, Customers customers) {
        this.mongo = mongo;
        this.customers = customers;
    }

    record Birthday(String customerId, String customerName, String departmentId, String ownerId, String contactId,
            String contactName, String title, String monthDay, boolean key) {
    }

    @GetMapping("/api/v1/customers/birthdays")
    PageView<Birthday> birthdays(@RequestParam String from, @RequestParam String to,
            @RequestParam(required = false) String departmentId, @RequestParam(defaultValue = "true") boolean keyOnly,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Paging.MAX_SIZE) int size, Caller caller) {
        Forbidden.unless(Confidentiality.mayRead(caller), "Only staff and services read care data");
        int start = key(from, "from");
        int end = key(to, "to");
        String scope = Confidentiality.searchDepartment(caller);
        String department = departmentId;
        if (scope != null) {
            Forbidden.unless(department == null || department.equals(scope), "Your own department's customers only");
            department = scope;
        }
        Criteria inRange = start <= end ? Criteria.where("birthdayKey").gte(start).lte(end)
                : new Criteria().orOperator(Criteria.where("birthdayKey").gte(start), Criteria.where("birthdayKey").lte(end));
        Criteria contact = keyOnly ? new Criteria().andOperator(Criteria.where("key").is(true), inRange) : inRange;
        List<Criteria> all = new ArrayList<>(List.of(Criteria.where("tenantId").is(customers.tenantId()),
                Criteria.where("status").ne(CustomerStatus.ARCHIVED.name()), Criteria.where("contacts").elemMatch(contact)));
        if (department != null) {
            all.add(Criteria.where("departmentId").is(department));
        }
        Query query = new Query(new Criteria().andOperator(all)).limit(10_000);
        query.fields().include("name", "departmentId", "ownerId", "contacts");
        List<Birthday> found = new ArrayList<>();
        for (Customer c : mongo.find(query, Customer.class)) {
            for (Contact person : c.getContacts()) {
                Integer k = person.birthdayKey();
                boolean within = k != null && (start <= end ? k >= start && k <= end : k >= start || k <= end);
                if (within && (!keyOnly || person.key()) && !person.erased()) {
                    found.add(new Birthday(c.getId(), c.getName(), c.getDepartmentId(), c.getOwnerId(), person.id(),
                            person.name(), person.title(), String.format("%02d-%02d", k / 100, k % 100), person.key()));
                }
            }
        }
        found.sort(Comparator.comparing((Birthday b) -> {
            int k = Integer.parseInt(b.monthDay().replace("-", ""));
            return k >= start ? k - start : k + 1300 - start;
        }).thenComparing(Birthday::customerName));
        return PageView.ofList(found, page, size);
    }

    private static int key(String monthDay, String field) {
        try {
            MonthDay parsed = MonthDay.parse("--" + monthDay);
            return parsed.getMonthValue() * 100 + parsed.getDayOfMonth();
        } catch (RuntimeException e) {
            throw Invalid.field(field, "must be a month-day like 12-25");
        }
    }
}
