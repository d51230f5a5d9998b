package org.crmsuite.customer.profile;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;

import org.crmsuite.customer.access.Access;
import org.crmsuite.customer.access.Forbidden;
import org.crmsuite.customer.access.ProfileReads;
import org.crmsuite.customer.access.WriteRules;
import org.crmsuite.customer.profile.CustomerRequests.ConsentBody;
import org.crmsuite.customer.profile.CustomerRequests.ContactBody;
import org.crmsuite.customer.profile.CustomerRequests.ProjectBody;
import org.crmsuite.customer.profile.CustomerViews.ContactView;
import org.crmsuite.customer.profile.CustomerViews.ProjectView;
import org.crmsuite.customer.profile.Values.Consent;
import org.crmsuite.customer.profile.Values.Contact;
import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.web.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A profile's contacts, projects (CU-1) and consent records (CU-3) as sub-resources. */
@RestController
class ContactController {

    private final Customers customers;
    private final ProfileReads reads;

    ContactController(Customers customers, ProfileReads reads) {
        this.customers = customers;
        this.reads = reads;
    }

    @GetMapping("/api/v1/customers/{id}/contacts")
    List<ContactView> contacts(@PathVariable String id, Caller caller) {
        Customer customer = customers.get(id);
        Access access = ProfileController.readable(caller, customer);
        reads.readBy(caller, access, id, customer.getDepartmentId(), "CONTACTS");
        return customer.getContacts().stream().map(c -> CustomerMapper.contact(c, access)).toList();
    }

    @PostMapping("/api/v1/customers/{id}/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    ContactView addContact(@PathVariable String id, @Valid @RequestBody ContactBody body, Caller caller) {
        editable(id, caller);
        Contact contact = CustomerMapper.contact(CustomerMapper.newId(), body);
        customers.modify(id, c -> c.addContact(contact, caller.id(), customers.now()));
        return CustomerMapper.contact(contact, Access.FULL);
    }

    @PutMapping("/api/v1/customers/{id}/contacts/{contactId}")
    ContactView replaceContact(@PathVariable String id, @PathVariable String contactId, @Valid @RequestBody ContactBody body,
            Caller caller) {
        Customer customer = editable(id, caller);
        Contact old = customer.contact(contactId).orElseThrow(() -> DomainException.notFound("contact", contactId));
        if (old.erased()) {
            throw DomainException.conflict("contact.erased", "The contact was erased on request (CU-3)");
        }
        Contact contact = CustomerMapper.contact(contactId, body);
        customers.modify(id, c -> c.replaceContact(contact, caller.id(), customers.now()));
        return CustomerMapper.contact(contact, Access.FULL);
    }

    @DeleteMapping("/api/v1/customers/{id}/contacts/{contactId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeContact(@PathVariable String id, @PathVariable String contactId, Caller caller) {
        Customer customer = editable(id, caller);
        customer.contact(contactId).orElseThrow(() -> DomainException.notFound("contact", contactId));
        customers.modify(id, c -> c.removeContact(contactId, caller.id(), customers.now()));
    }

    @GetMapping("/api/v1/customers/{id}/projects")
    List<ProjectView> projects(@PathVariable String id, Caller caller) {
        Customer customer = customers.get(id);
        ProfileController.readable(caller, customer);
        return customer.getProjects().stream().map(CustomerMapper::project).toList();
    }

    @PostMapping("/api/v1/customers/{id}/projects")
    @ResponseStatus(HttpStatus.CREATED)
    ProjectView addProject(@PathVariable String id, @Valid @RequestBody ProjectBody body, Caller caller) {
        editable(id, caller);
        var project = CustomerMapper.project(CustomerMapper.newId(), body);
        customers.modify(id, c -> c.addProject(project, caller.id(), customers.now()));
        return CustomerMapper.project(project);
    }

    /** A project adjustment (CU-2 major change): {@code occurredAt} is checked against the 24-hour window. */
    @PutMapping("/api/v1/customers/{id}/projects/{projectId}")
    ProjectView replaceProject(@PathVariable String id, @PathVariable String projectId, @Valid @RequestBody ProjectBody body,
            Caller caller) {
        Customer customer = editable(id, caller);
        customer.project(projectId).orElseThrow(() -> DomainException.notFound("project", projectId));
        var project = CustomerMapper.project(projectId, body);
        Duration window = Duration.ofHours(customers.policy().majorChangeWindowHours());
        customers.modify(id, c -> c.replaceProject(project, body.reason(), caller.id(), customers.now(), body.occurredAt(), window));
        return CustomerMapper.project(project);
    }

    @DeleteMapping("/api/v1/customers/{id}/projects/{projectId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeProject(@PathVariable String id, @PathVariable String projectId, Caller caller) {
        Customer customer = editable(id, caller);
        customer.project(projectId).orElseThrow(() -> DomainException.notFound("project", projectId));
        customers.modify(id, c -> c.removeProject(projectId, caller.id(), customers.now()));
    }

    @GetMapping("/api/v1/customers/{id}/consents")
    List<Consent> consents(@PathVariable String id, Caller caller) {
        Customer customer = customers.get(id);
        Access access = ProfileController.readable(caller, customer);
        Forbidden.unless(access == Access.FULL, "Consent records are for those who may see the full profile (CU-3)");
        reads.readBy(caller, access, id, customer.getDepartmentId(), "CONSENTS");
        return customer.getConsents();
    }

    /** CU-3: the customer's written consent to disclose information (scope, date, evidence). */
    @PostMapping("/api/v1/customers/{id}/consents")
    @ResponseStatus(HttpStatus.CREATED)
    Consent addConsent(@PathVariable String id, @Valid @RequestBody ConsentBody body, Caller caller) {
        editable(id, caller);
        Consent consent = new Consent(CustomerMapper.newId(), body.scope(), body.grantedOn(), body.evidence(), caller.id(),
                customers.now());
        customers.modify(id, c -> c.recordConsent(consent, caller.id(), customers.now()));
        return consent;
    }

    private Customer editable(String id, Caller caller) {
        Customer customer = customers.get(id);
        Forbidden.unless(WriteRules.mayEdit(caller, customer.getDepartmentId(), customer.getOwnerId()),
                "Only the owner, the department's manager or above change this profile");
        ProfileController.refuseArchived(customer);
        return customer;
    }
}
