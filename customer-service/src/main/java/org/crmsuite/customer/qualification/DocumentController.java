package org.crmsuite.customer.qualification;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.crmsuite.customer.access.Forbidden;
import org.crmsuite.customer.access.WriteRules;
import org.crmsuite.customer.calendar.BusinessCalendar;
import org.crmsuite.customer.profile.Customer;
import org.crmsuite.customer.profile.Customers;
import org.crmsuite.customer.profile.Values.DocumentType;
import org.crmsuite.customer.profile.Values.QualificationDocument;
import org.crmsuite.customer.web.Invalid;
import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.web.DomainException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A customer's qualification documents (CU-5, CU-8). Renewing the expired one(s) ends a suspension
 * ({@code crm.customer.reinstated.v1}); the maintenance job suspends customers whose documents expire.
 */
@RestController
class DocumentController {

    private final Customers customers;
    private final BusinessCalendar calendar;

    DocumentController(Customers customers, BusinessCalendar calendar) {
        this.customers = customers;
        this.calendar = calendar;
    }

    record Renewal(@NotBlank @Size(max = 64) String number, @NotNull LocalDate expiresOn) {
    }

    record DocumentView(DocumentType type, String number, LocalDate expiresOn, boolean expired) {
    }

    @GetMapping("/api/v1/customers/{id}/documents")
    List<DocumentView> documents(@PathVariable String id, Caller caller) {
        Forbidden.unlessStaff(caller);
        Customer customer = customers.get(id);
        LocalDate today = calendar.today();
        return customer.getDocuments().stream().map(d -> new DocumentView(d.type(), d.number(), d.expiresOn(),
                d.expiresOn() != null && d.expiresOn().isBefore(today))).toList();
    }

    @PutMapping("/api/v1/customers/{id}/documents/{type}")
    List<DocumentView> renew(@PathVariable String id, @PathVariable DocumentType type, @Valid @RequestBody Renewal body,
            Caller caller) {
        Customer customer = customers.get(id);
        Forbidden.unless(WriteRules.mayRecordBusiness(caller, customer.getDepartmentId(), customer.getOwnerId()),
                "Only the owner, the department's manager, finance or above renew documents");
        if (customer.isArchived()) {
            throw DomainException.conflict("customer.archived", "The customer is archived");
        }
        LocalDate today = calendar.today();
        if (body.expiresOn().isBefore(today)) {
            throw Invalid.field("expiresOn", "must not be in the past");
        }
        customers.modify(id, c -> c.renewDocument(new QualificationDocument(type, body.number(), body.expiresOn()),
                caller.id(), customers.now(), today));
        return documents(id, caller);
    }
}
