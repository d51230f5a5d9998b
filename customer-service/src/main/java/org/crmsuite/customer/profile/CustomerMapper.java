package org.crmsuite.customer.profile;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.crmsuite.customer.access.Access;
import org.crmsuite.customer.access.Masking;
import org.crmsuite.customer.profile.CustomerRequests.ContactBody;
import org.crmsuite.customer.profile.CustomerRequests.LegalRepresentativeBody;
import org.crmsuite.customer.profile.CustomerRequests.MoneyBody;
import org.crmsuite.customer.profile.CustomerRequests.ProjectBody;
import org.crmsuite.customer.profile.CustomerViews.BlacklistView;
import org.crmsuite.customer.profile.CustomerViews.ContactView;
import org.crmsuite.customer.profile.CustomerViews.CustomerSummary;
import org.crmsuite.customer.profile.CustomerViews.CustomerView;
import org.crmsuite.customer.profile.CustomerViews.LegalRepresentativeView;
import org.crmsuite.customer.profile.CustomerViews.ProjectView;
import org.crmsuite.customer.profile.CustomerViews.VolumeView;
import org.crmsuite.customer.profile.Values.BlacklistEntry;
import org.crmsuite.customer.profile.Values.BlacklistState;
import org.crmsuite.customer.profile.Values.Contact;
import org.crmsuite.customer.profile.Values.LegalRepresentative;
import org.crmsuite.customer.profile.Values.Money;
import org.crmsuite.customer.profile.Values.Project;

/** Between request/response records and the customer document; masks personal data by the caller's access (CU-3). */
public final class CustomerMapper {

    private CustomerMapper() {
    }

    public static String newId() {
        return UUID.randomUUID().toString().substring(0, 12);
    }

    static Contact contact(String id, ContactBody body) {
        Integer birthdayKey = body.birthday() == null ? null : body.birthday().getMonthValue() * 100 + body.birthday().getDayOfMonth();
        return new Contact(id, body.name().strip(), body.title(), Phones.normalize(body.phone()),
                body.email() == null ? null : body.email().strip().toLowerCase(java.util.Locale.ROOT), body.idNumber(),
                body.birthday(), birthdayKey, Boolean.TRUE.equals(body.key()), false);
    }

    static Project project(String id, ProjectBody body) {
        return new Project(id, body.name().strip(), body.location(), body.scale(), money(body.budget()), body.schedule());
    }

    static Money money(MoneyBody body) {
        return body == null ? null : new Money(body.amount(), body.currency());
    }

    static LegalRepresentative legalRepresentative(LegalRepresentativeBody body) {
        return body == null ? null : new LegalRepresentative(body.name(), body.idNumber());
    }

    public static ContactView contact(Contact contact, Access access) {
        boolean full = access == Access.FULL;
        return new ContactView(contact.id(), contact.name(), contact.title(),
                full ? contact.phone() : Masking.phone(contact.phone()),
                full ? contact.email() : Masking.email(contact.email()),
                full ? contact.idNumber() : Masking.idNumber(contact.idNumber()), full ? contact.birthday() : null,
                contact.key(), contact.erased());
    }

    static ProjectView project(Project project) {
        return new ProjectView(project.id(), project.name(), project.location(), project.scale(), project.budget(),
                project.schedule());
    }

    public static BlacklistView blacklist(BlacklistEntry entry) {
        return new BlacklistView(entry.entryId(), entry.scope().name(), entry.departmentId(), entry.reason().name(),
                entry.note(), entry.createdBy(), entry.createdAt(), entry.expiresAt(), entry.state().name(), entry.endedAt(),
                entry.endedBy(), entry.endReason());
    }

    public static CustomerView view(Customer c, Access access) {
        boolean full = access == Access.FULL;
        LegalRepresentative rep = c.getLegalRepresentative();
        return new CustomerView(c.getId(), c.getVersion(), c.getName(), c.getRegistrationNumber(), c.getAddress(),
                c.getRegion(), c.getIndustry(),
                rep == null ? null : new LegalRepresentativeView(rep.name(), full ? rep.idNumber() : Masking.idNumber(rep.idNumber())),
                c.getBusinessScope(), c.getStrategicValue(), c.getOrganisation(), c.getDecisionChain(), c.getProductLines(),
                c.getContacts().stream().map(x -> contact(x, access)).toList(),
                c.getProjects().stream().map(CustomerMapper::project).toList(), c.getOwnerId(), c.getDepartmentId(),
                c.getCategory(), c.getGrade(), c.getPriority(), c.getTier(), c.getStatus(), c.getSuspension(),
                c.getDocuments(), c.getBlacklist().stream().map(CustomerMapper::blacklist).toList(),
                c.latestVolume().map(v -> new VolumeView(v.month(), v.tonnes())).orElse(null), c.getDowngradeDueAt(),
                c.getLastReviewAt(), c.getNextReviewAt(), c.getLastVerifiedAt(), c.getAdmissionId(),
                full ? c.getConsents() : null, !full, c.getCreatedAt(), c.getUpdatedAt());
    }

    static CustomerSummary summary(Customer c, Access access, Instant now) {
        List<Contact> contacts = c.getContacts();
        String phone = contacts.isEmpty() ? null : contacts.get(0).phone();
        boolean blacklisted = c.getBlacklist().stream()
                .anyMatch(e -> e.state() == BlacklistState.ACTIVE && now.isBefore(e.expiresAt()));
        return new CustomerSummary(c.getId(), c.getName(), c.getRegistrationNumber(), c.getOwnerId(), c.getDepartmentId(),
                c.getCategory(), c.getGrade(), c.getPriority(), c.getTier(), c.getStatus(), blacklisted,
                access == Access.FULL ? phone : Masking.phone(phone), access != Access.FULL, c.getLastVerifiedAt(),
                c.getUpdatedAt());
    }
}
