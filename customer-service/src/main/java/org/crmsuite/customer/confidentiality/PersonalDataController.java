package org.crmsuite.customer.confidentiality;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.crmsuite.customer.access.Access;
import org.crmsuite.customer.access.Forbidden;
import org.crmsuite.customer.access.ProfileReads;
import org.crmsuite.customer.profile.Customer;
import org.crmsuite.customer.profile.CustomerMapper;
import org.crmsuite.customer.profile.CustomerViews.ContactView;
import org.crmsuite.customer.profile.Customers;
import org.crmsuite.customer.profile.Values.Change;
import org.crmsuite.customer.profile.Values.Consent;
import org.crmsuite.customer.profile.Values.Contact;
import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.identity.Role;
import org.crmsuite.platform.web.DomainException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * CU-3 requests about one person: an administrator exports everything held about a contact, or erases (anonymises)
 * the contact. Erasure replaces the personal data in the profile and in its change history, and unlinks the
 * communication records; the contact, the records and their counts stay, so statistics do not change.
 */
@RestController
class PersonalDataController {

    private final Customers customers;
    private final MongoTemplate mongo;
    private final ProfileReads reads;

    PersonalDataController(Customers customers, MongoTemplate mongo, ProfileReads reads) {
        this.customers = customers;
        this.mongo = mongo;
        this.reads = reads;
    }

    record CustomerRef(String customerId, String name, String departmentId, String contactId) {
    }

    record ContactExport(CustomerRef customer, ContactView contact, List<Consent> consents, List<Document> communications,
            List<Change> history, List<CustomerRef> sameContactElsewhere) {
    }

    @GetMapping("/api/v1/customers/{id}/contacts/{contactId}/export")
    ContactExport export(@PathVariable String id, @PathVariable String contactId, Caller caller) {
        Forbidden.unless(caller.has(Role.ADMIN), "Only an administrator exports personal data");
        Customer customer = customers.get(id);
        Contact contact = customer.contact(contactId).orElseThrow(() -> DomainException.notFound("contact", contactId));
        reads.readBy(caller, Access.FULL, id, customer.getDepartmentId(), "EXPORT");
        String prefix = "contacts[" + contactId + "]";
        List<Change> history = customer.getHistory().stream()
                .filter(c -> c.fields().stream().anyMatch(f -> f.field().startsWith(prefix))).toList();
        List<Document> communications = mongo.find(new Query(Criteria.where("customerId").is(id).and("contactId").is(contactId)),
                Document.class, "communications");
        List<CustomerRef> elsewhere = new ArrayList<>();
        List<Criteria> same = new ArrayList<>();
        if (contact.phone() != null) {
            same.add(Criteria.where("contacts.phone").is(contact.phone()));
        }
        if (contact.email() != null) {
            same.add(Criteria.where("contacts.email").is(contact.email()));
        }
        if (!same.isEmpty()) {
            Query query = new Query(new Criteria().orOperator(same));
            query.fields().include("name", "departmentId", "contacts");
            for (Customer other : mongo.find(query, Customer.class)) {
                for (Contact c : other.getContacts()) {
                    boolean match = (contact.phone() != null && contact.phone().equals(c.phone()))
                            || (contact.email() != null && contact.email().equals(c.email()));
                    if (match && !(other.getId().equals(id) && c.id().equals(contactId))) {
                        elsewhere.add(new CustomerRef(other.getId(), other.getName(), other.getDepartmentId(), c.id()));
                    }
                }
            }
        }
        return new ContactExport(new CustomerRef(id, customer.getName(), customer.getDepartmentId(), contactId),
                CustomerMapper.contact(contact, Access.FULL), customer.getConsents(), communications, history, elsewhere);
    }

    @PostMapping("/api/v1/customers/{id}/contacts/{contactId}/erasure")
    ContactView erase(@PathVariable String id, @PathVariable String contactId, Caller caller) {
        Forbidden.unless(caller.has(Role.ADMIN), "Only an administrator erases personal data");
        Customer customer = customers.get(id);
        customer.contact(contactId).orElseThrow(() -> DomainException.notFound("contact", contactId));
        Customer saved = customers.modify(id, c -> {
            if (!c.contact(contactId).orElseThrow().erased()) {
                c.eraseContact(contactId, caller.id(), customers.now());
            }
        });
        mongo.updateMulti(new Query(Criteria.where("customerId").is(id).and("contactId").is(contactId)),
                new org.springframework.data.mongodb.core.query.Update().set("contactId", "[erased]"), "communications");
        return CustomerMapper.contact(saved.contact(contactId).orElseThrow(), Access.FULL);
    }
}
