package org.crmsuite.customer.admission;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.crmsuite.customer.admission.AdmissionChain.Status;
import org.crmsuite.customer.admission.AdmissionChain.Step;
import org.crmsuite.customer.calendar.BusinessCalendar;
import org.crmsuite.customer.classification.ReviewSchedule;
import org.crmsuite.customer.profile.Category;
import org.crmsuite.customer.profile.Customer;
import org.crmsuite.customer.profile.Customers;
import org.crmsuite.customer.profile.Grade;
import org.crmsuite.customer.profile.NewCustomer;
import org.crmsuite.customer.profile.Values.DocumentType;
import org.crmsuite.customer.profile.Values.QualificationDocument;
import org.crmsuite.platform.events.AggregateStore;
import org.crmsuite.platform.web.DomainException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Submits and decides admission applications (CU-5), creating the customer on final approval. */
@Service
public class Admissions {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final Customers customers;
    private final BusinessCalendar calendar;

    Admissions(MongoTemplate mongo, AggregateStore store, Customers customers, BusinessCalendar calendar) {
        this.mongo = mongo;
        this.store = store;
        this.customers = customers;
        this.calendar = calendar;
    }

    public Admission get(String id) {
        Admission admission = mongo.findById(id, Admission.class);
        if (admission == null) {
            throw DomainException.notFound("admission", id);
        }
        return admission;
    }

    /**
     * Stores the application. One that fails the basic conditions — no business licence, an expired document, a
     * customer blacklisted for this department or the company (CU-7) — is stored as REJECTED with the reasons. An
     * active customer with the same registration number is a 409; an archived one may be re-admitted.
     */
    public Admission submit(Admission application) {
        if (application.getCreationKey() != null) {
            Optional<Admission> earlier = Optional.ofNullable(mongo.findOne(
                    new Query(Criteria.where("creationKey").is(application.getCreationKey())), Admission.class));
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        boolean pending = mongo.exists(new Query(Criteria.where("tenantId").is(application.getTenantId())
                .and("registrationNumber").is(application.getRegistrationNumber())
                .and("status").in(Status.PENDING_SALES.name(), Status.PENDING_FINANCE.name(), Status.PENDING_GM.name())),
                Admission.class);
        if (pending) {
            throw DomainException.conflict("admission.pending-exists",
                    "An application for registration number " + application.getRegistrationNumber() + " is under review");
        }
        List<String> failed = new ArrayList<>();
        Optional<Customer> existing = customers.byRegistrationNumber(application.getRegistrationNumber());
        if (existing.isPresent()) {
            Customer customer = existing.get();
            var entry = customer.blacklistedIn(application.getDepartmentId(), customers.now());
            if (entry.isPresent()) {
                failed.add("CU-7: the customer is blacklisted (" + entry.get().scope() + ", " + entry.get().reason()
                        + ") until " + entry.get().expiresAt());
            } else if (!customer.isArchived()) {
                customers.refuseDuplicateRegistration(application.getRegistrationNumber());
            }
        }
        LocalDate today = calendar.today();
        if (application.getDocuments().stream().noneMatch(d -> d.type() == DocumentType.BUSINESS_LICENCE)) {
            failed.add("CU-5: a business licence is required");
        }
        for (QualificationDocument document : application.getDocuments()) {
            if (document.expiresOn().isBefore(today)) {
                failed.add("CU-5: " + document.type() + " " + document.number() + " expired on " + document.expiresOn());
            }
        }
        if (!failed.isEmpty()) {
            application.rejectOnSubmission(failed, customers.now());
        }
        try {
            return store.save(application);
        } catch (DuplicateKeyException race) {
            return mongo.findOne(new Query(Criteria.where("creationKey").is(application.getCreationKey())), Admission.class);
        }
    }

    /** One step's decision; the role check happened in the controller ({@link AdmissionChain#mayDecide}). */
    public Admission decide(Admission admission, Step step, boolean approve, String reason, String by) {
        var now = customers.now();
        if (!approve) {
            admission.reject(step, reason, by, now);
            return store.save(admission);
        }
        if (step != Step.GENERAL_MANAGER) {
            admission.approveStep(step, reason, by, now);
            return store.save(admission);
        }
        Customer customer = admitCustomer(admission, by);
        admission.approveFinally(reason, customer.getId(), by, now);
        return store.save(admission);
    }

    /** CU-5: only an approved applicant becomes a customer, and always as QUALIFIED (CU-7 for a re-admission). */
    private Customer admitCustomer(Admission admission, String by) {
        Optional<Customer> made = customers.byAdmission(admission.getId());
        if (made.isPresent()) {
            return made.get();
        }
        var now = customers.now();
        NewCustomer details = new NewCustomer(admission.getTenantId(), admission.getApplicant(), admission.getContacts(),
                List.of(), admission.getProposedOwnerId(), admission.getDepartmentId(), Category.GENERAL, Grade.QUALIFIED,
                admission.getDocuments(), by, null, admission.getId(),
                ReviewSchedule.next(now, customers.policy().reviewPeriodMonths(), calendar.zone()));
        Optional<Customer> existing = customers.byRegistrationNumber(admission.getRegistrationNumber());
        if (existing.isPresent()) {
            Customer customer = existing.get();
            customer.blacklistedIn(admission.getDepartmentId(), now).ifPresent(entry -> {
                throw DomainException.conflict("customer.blacklisted",
                        "The applicant was blacklisted meanwhile (CU-7); reject the application").with("entryId", entry.entryId());
            });
            if (!customer.isArchived()) {
                customers.refuseDuplicateRegistration(admission.getRegistrationNumber());
            }
            customer.readmit(details, now);
            return customers.save(customer);
        }
        return customers.register(details, true).customer();
    }
}
