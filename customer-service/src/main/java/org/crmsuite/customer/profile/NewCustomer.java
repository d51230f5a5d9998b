package org.crmsuite.customer.profile;

import java.time.Instant;
import java.util.List;

import org.crmsuite.customer.profile.Values.Contact;
import org.crmsuite.customer.profile.Values.Project;
import org.crmsuite.customer.profile.Values.QualificationDocument;

/** Everything a new customer starts with, whether created directly or by an approved admission (CU-5). */
public record NewCustomer(String tenantId, ProfileDetails profile, List<Contact> contacts, List<Project> projects,
        String ownerId, String departmentId, Category category, Grade grade, List<QualificationDocument> documents,
        String createdBy, String creationKey, String admissionId, Instant nextReviewAt) {

    public NewCustomer {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        projects = projects == null ? List.of() : List.copyOf(projects);
        documents = documents == null ? List.of() : List.copyOf(documents);
    }
}
