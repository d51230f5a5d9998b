package org.crmsuite.customer.admission;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.crmsuite.customer.admission.AdmissionChain.Status;
import org.crmsuite.customer.admission.AdmissionChain.Step;
import org.crmsuite.customer.events.AdmissionEvents;
import org.crmsuite.customer.profile.ProfileDetails;
import org.crmsuite.customer.profile.Values.Contact;
import org.crmsuite.customer.profile.Values.QualificationDocument;
import org.crmsuite.platform.events.AggregateRoot;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An admission application (CU-5): the prospective customer's profile, qualification documents and invoicing data,
 * and the decisions of the review chain. A rejected application is kept with its reasons.
 */
@Document("admissions")
@CompoundIndexes({
        @CompoundIndex(name = "status_department", def = "{'status': 1, 'departmentId': 1, 'createdAt': -1}"),
        @CompoundIndex(name = "registration", def = "{'tenantId': 1, 'registrationNumber': 1}"),
        @CompoundIndex(name = "creation_key", def = "{'creationKey': 1}", unique = true, sparse = true) })
public class Admission extends AggregateRoot {

    private String tenantId;
    private ProfileDetails applicant;
    private String registrationNumber;
    private List<Contact> contacts = new ArrayList<>();
    private String departmentId;
    private String proposedOwnerId;
    private List<QualificationDocument> documents = new ArrayList<>();
    private Invoicing invoicing;
    private Status status;
    private List<Decision> decisions = new ArrayList<>();
    private String submittedBy;
    private String customerId;
    private String creationKey;

    /** Invoicing data (开票资料) of the applicant. */
    public record Invoicing(String bank, String account, String address, String phone) {
    }

    /** One decision of the chain. */
    public record Decision(Step step, boolean approved, String reason, String decidedBy, Instant decidedAt) {
    }

    protected Admission() {
    }

    static Admission submit(String tenantId, ProfileDetails applicant, List<Contact> contacts, String departmentId,
            String proposedOwnerId, List<QualificationDocument> documents, Invoicing invoicing, String submittedBy,
            String creationKey) {
        Admission admission = new Admission();
        admission.tenantId = tenantId;
        admission.applicant = applicant;
        admission.registrationNumber = applicant.registrationNumber();
        admission.contacts = new ArrayList<>(contacts);
        admission.departmentId = departmentId;
        admission.proposedOwnerId = proposedOwnerId;
        admission.documents = new ArrayList<>(documents);
        admission.invoicing = invoicing;
        admission.submittedBy = submittedBy;
        admission.creationKey = creationKey;
        admission.status = Status.PENDING_SALES;
        return admission;
    }

    /** CU-5: applicants that fail basic conditions are rejected with the reasons at once. */
    void rejectOnSubmission(List<String> reasons, Instant now) {
        decisions.add(new Decision(Step.BASIC_CONDITIONS, false, String.join("; ", reasons), "system", now));
        status = Status.REJECTED;
        raise(AdmissionEvents.DECIDED, decided(false, Step.BASIC_CONDITIONS, reasons, "system", now));
    }

    /** An approval that moves the application to the next step (not the last one). */
    void approveStep(Step step, String reason, String by, Instant now) {
        decisions.add(new Decision(step, true, reason, by, now));
        status = AdmissionChain.afterApproval(step);
    }

    /** The last approval: the customer exists now. */
    void approveFinally(String reason, String customer, String by, Instant now) {
        decisions.add(new Decision(Step.GENERAL_MANAGER, true, reason, by, now));
        status = Status.APPROVED;
        customerId = customer;
        raise(AdmissionEvents.DECIDED, decided(true, Step.GENERAL_MANAGER, List.of(reason), by, now));
    }

    void reject(Step step, String reason, String by, Instant now) {
        decisions.add(new Decision(step, false, reason, by, now));
        status = Status.REJECTED;
        raise(AdmissionEvents.DECIDED, decided(false, step, List.of(reason), by, now));
    }

    private AdmissionEvents.Decided decided(boolean approved, Step step, List<String> reasons, String by, Instant now) {
        return new AdmissionEvents.Decided(getId(), applicant.name(), registrationNumber, departmentId, approved,
                step.name(), List.copyOf(reasons), customerId, by, now);
    }

    public String getTenantId() {
        return tenantId;
    }

    public ProfileDetails getApplicant() {
        return applicant;
    }

    public String getRegistrationNumber() {
        return registrationNumber;
    }

    public List<Contact> getContacts() {
        return List.copyOf(contacts);
    }

    public String getDepartmentId() {
        return departmentId;
    }

    public String getProposedOwnerId() {
        return proposedOwnerId;
    }

    public List<QualificationDocument> getDocuments() {
        return List.copyOf(documents);
    }

    public Invoicing getInvoicing() {
        return invoicing;
    }

    public Status getStatus() {
        return status;
    }

    public List<Decision> getDecisions() {
        return List.copyOf(decisions);
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public String getCustomerId() {
        return customerId;
    }

    public String getCreationKey() {
        return creationKey;
    }
}
