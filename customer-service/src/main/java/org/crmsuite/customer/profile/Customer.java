package org.crmsuite.customer.profile;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.crmsuite.customer.events.CustomerEvents;
import org.crmsuite.customer.profile.Values.BlacklistEntry;
import org.crmsuite.customer.profile.Values.BlacklistState;
import org.crmsuite.customer.profile.Values.Change;
import org.crmsuite.customer.profile.Values.Consent;
import org.crmsuite.customer.profile.Values.Contact;
import org.crmsuite.customer.profile.Values.DocumentType;
import org.crmsuite.customer.profile.Values.FieldChange;
import org.crmsuite.customer.profile.Values.LegalRepresentative;
import org.crmsuite.customer.profile.Values.MonthlyVolume;
import org.crmsuite.customer.profile.Values.ProblemRecord;
import org.crmsuite.customer.profile.Values.Project;
import org.crmsuite.customer.profile.Values.QualificationDocument;
import org.crmsuite.customer.profile.Values.Suspension;
import org.crmsuite.platform.events.AggregateRoot;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A customer (one legal entity, CU-11) with its profile (CU-1), classification (CU-4, CU-6), qualification documents
 * (CU-8), blacklist entries (CU-7), owner (CU-10), consents (CU-3) and the history of every change (CU-2). Each change
 * is a method here that records the history entry and raises its event; {@code AggregateStore} writes state, history
 * and events in one document write.
 * <p>
 * The indexes back the searches and reports: every list filter is the leading key of one, with {@code nameKey} after
 * it for the default sort.
 */
@Document("customers")
@CompoundIndexes({
        @CompoundIndex(name = "tenant_registration", def = "{'tenantId': 1, 'registrationNumber': 1}", unique = true),
        @CompoundIndex(name = "creation_key", def = "{'creationKey': 1}", unique = true, sparse = true),
        @CompoundIndex(name = "admission", def = "{'admissionId': 1}", unique = true, sparse = true),
        @CompoundIndex(name = "name", def = "{'nameKey': 1, '_id': 1}"),
        @CompoundIndex(name = "name_core", def = "{'nameCore': 1}"),
        @CompoundIndex(name = "department_name", def = "{'departmentId': 1, 'nameKey': 1, '_id': 1}"),
        @CompoundIndex(name = "owner_name", def = "{'ownerId': 1, 'nameKey': 1, '_id': 1}"),
        @CompoundIndex(name = "grade_name", def = "{'grade': 1, 'nameKey': 1, '_id': 1}"),
        @CompoundIndex(name = "category_name", def = "{'category': 1, 'nameKey': 1, '_id': 1}"),
        @CompoundIndex(name = "tier_name", def = "{'tier': 1, 'nameKey': 1, '_id': 1}"),
        @CompoundIndex(name = "status_name", def = "{'status': 1, 'nameKey': 1, '_id': 1}"),
        @CompoundIndex(name = "department_grade_status", def = "{'departmentId': 1, 'grade': 1, 'status': 1}"),
        @CompoundIndex(name = "product_line_grade_status", def = "{'productLines': 1, 'grade': 1, 'status': 1}"),
        @CompoundIndex(name = "contact_phone", def = "{'contacts.phone': 1}"),
        @CompoundIndex(name = "contact_email", def = "{'contacts.email': 1}"),
        @CompoundIndex(name = "contact_birthday", def = "{'contacts.birthdayKey': 1}"),
        @CompoundIndex(name = "verified", def = "{'departmentId': 1, 'lastVerifiedAt': 1}"),
        @CompoundIndex(name = "review_due", def = "{'departmentId': 1, 'nextReviewAt': 1}"),
        @CompoundIndex(name = "downgrade_due", def = "{'downgradeDueAt': 1}", sparse = true),
        @CompoundIndex(name = "blacklist_entry", def = "{'blacklist.entryId': 1}"),
        @CompoundIndex(name = "blacklist_expiry", def = "{'blacklist.state': 1, 'blacklist.expiresAt': 1}"),
        @CompoundIndex(name = "document_expiry", def = "{'status': 1, 'documents.expiresOn': 1}") })
public class Customer extends AggregateRoot {

    /** CU-7: after a blacklisting ends the customer may be re-admitted only as qualified. */
    public static final String READMISSION_REASON = "CU-7: re-admitted after the blacklist only as QUALIFIED";

    private String tenantId;
    private String name;
    private String nameKey;
    private String nameCore;
    private String registrationNumber;
    private String address;
    private String region;
    private String industry;
    private LegalRepresentative legalRepresentative;
    private String businessScope;
    private StrategicValue strategicValue;
    private String organisation;
    private List<String> decisionChain = new ArrayList<>();
    private List<String> productLines = new ArrayList<>();
    private List<Contact> contacts = new ArrayList<>();
    private List<Project> projects = new ArrayList<>();
    private String ownerId;
    private String departmentId;
    private Category category;
    private Grade grade;
    private int priority;
    private Tier tier;
    private CustomerStatus status;
    private Suspension suspension;
    private List<QualificationDocument> documents = new ArrayList<>();
    private List<BlacklistEntry> blacklist = new ArrayList<>();
    private List<MonthlyVolume> volumes = new ArrayList<>();
    private List<ProblemRecord> problems = new ArrayList<>();
    private Instant downgradeDueAt;
    private Instant lastReviewAt;
    private Instant nextReviewAt;
    private List<Consent> consents = new ArrayList<>();
    private Instant lastVerifiedAt;
    private String admissionId;
    private String creationKey;
    private List<Change> history = new ArrayList<>();

    protected Customer() {
    }

    public static Customer register(NewCustomer details, Instant now) {
        Customer customer = new Customer();
        customer.tenantId = details.tenantId();
        customer.applyProfile(details.profile());
        customer.contacts = new ArrayList<>(details.contacts());
        customer.projects = new ArrayList<>(details.projects());
        customer.ownerId = details.ownerId();
        customer.departmentId = details.departmentId();
        customer.category = details.category();
        customer.setGrade(details.grade());
        customer.tier = Tier.NEW;
        customer.status = CustomerStatus.ACTIVE;
        customer.documents = new ArrayList<>(details.documents());
        customer.lastVerifiedAt = now;
        customer.nextReviewAt = details.nextReviewAt();
        customer.admissionId = details.admissionId();
        customer.creationKey = details.creationKey();
        List<FieldChange> initial = new ArrayList<>(List.of(
                new FieldChange("name", null, details.profile().name()),
                new FieldChange("registrationNumber", null, details.profile().registrationNumber()),
                new FieldChange("category", null, details.category().name()),
                new FieldChange("grade", null, details.grade().name()),
                new FieldChange("ownerId", null, details.ownerId()),
                new FieldChange("departmentId", null, details.departmentId())));
        details.contacts().forEach(contact -> initial.addAll(contactFields(null, contact)));
        customer.record(details.admissionId() == null ? "created" : "admitted", initial,
                details.admissionId() == null ? null : "CU-5: admission " + details.admissionId() + " approved",
                details.createdBy(), now, null, false);
        customer.raise(CustomerEvents.CREATED, customer.created(details.createdBy()));
        return customer;
    }

    private CustomerEvents.Created created(String by) {
        return new CustomerEvents.Created(getId(), name, registrationNumber, departmentId, ownerId, category.name(),
                grade.name(), priority, tier.name(), status.name(), admissionId, by);
    }

    /**
     * CU-5 and CU-7: an archived customer admitted again starts over as QUALIFIED with the new application's
     * documents, department and owner.
     */
    public void readmit(NewCustomer details, Instant now) {
        List<FieldChange> fields = new ArrayList<>();
        diff(fields, "status", status, CustomerStatus.ACTIVE);
        diff(fields, "ownerId", ownerId, details.ownerId());
        diff(fields, "departmentId", departmentId, details.departmentId());
        diff(fields, "grade", grade, Grade.QUALIFIED);
        status = CustomerStatus.ACTIVE;
        suspension = null;
        ownerId = details.ownerId();
        departmentId = details.departmentId();
        documents = new ArrayList<>(details.documents());
        admissionId = details.admissionId();
        nextReviewAt = details.nextReviewAt();
        Grade before = grade;
        setGrade(Grade.QUALIFIED);
        lastVerifiedAt = now;
        record("readmitted", fields, "CU-5: admission " + details.admissionId() + " approved", details.createdBy(), now,
                null, false);
        raise(CustomerEvents.UPDATED, updated(List.of("status", "ownerId", "departmentId", "documents"), details.createdBy()));
        if (before != Grade.QUALIFIED) {
            raise(CustomerEvents.GRADE_CHANGED, new CustomerEvents.ClassificationChanged(getId(), departmentId,
                    before.name(), Grade.QUALIFIED.name(), READMISSION_REASON, details.createdBy(), now, priority));
        }
    }

    // ---- CU-1 / CU-2 profile ----

    /**
     * Replaces the editable profile. {@code occurredAt} is when the change happened in the world (a company change,
     * a project adjustment); CU-2 wants it recorded within {@code window}, and a later entry is flagged as late.
     * Returns the names of the changed fields (empty: nothing changed, nothing recorded).
     */
    public List<String> updateProfile(ProfileDetails details, String reason, String by, Instant now, Instant occurredAt,
            Duration window) {
        List<FieldChange> fields = new ArrayList<>();
        diff(fields, "name", name, details.name());
        diff(fields, "registrationNumber", registrationNumber, details.registrationNumber());
        diff(fields, "address", address, details.address());
        diff(fields, "region", region, details.region());
        diff(fields, "industry", industry, details.industry());
        diff(fields, "legalRepresentative.name", legalRepresentative == null ? null : legalRepresentative.name(),
                details.legalRepresentative() == null ? null : details.legalRepresentative().name());
        diff(fields, "legalRepresentative.idNumber", legalRepresentative == null ? null : legalRepresentative.idNumber(),
                details.legalRepresentative() == null ? null : details.legalRepresentative().idNumber());
        diff(fields, "businessScope", businessScope, details.businessScope());
        diff(fields, "strategicValue", strategicValue, details.strategicValue());
        diff(fields, "organisation", organisation, details.organisation());
        diff(fields, "decisionChain", String.join(" > ", decisionChain), String.join(" > ", details.decisionChain()));
        diff(fields, "productLines", String.join(", ", getProductLines()), String.join(", ", details.productLines()));
        if (fields.isEmpty()) {
            return List.of();
        }
        applyProfile(details);
        boolean late = occurredAt != null && Duration.between(occurredAt, now).compareTo(window) > 0;
        record("updated", fields, reason, by, now, occurredAt, late);
        List<String> names = fields.stream().map(f -> f.field().split("\\.")[0]).distinct().toList();
        raise(CustomerEvents.UPDATED, updated(names, by));
        return names;
    }

    private void applyProfile(ProfileDetails details) {
        name = details.name();
        nameKey = NameKey.of(details.name());
        nameCore = NameKey.core(details.name());
        registrationNumber = details.registrationNumber();
        address = details.address();
        region = details.region();
        industry = details.industry();
        legalRepresentative = details.legalRepresentative();
        businessScope = details.businessScope();
        strategicValue = details.strategicValue();
        organisation = details.organisation();
        decisionChain = new ArrayList<>(details.decisionChain());
        productLines = new ArrayList<>(details.productLines());
    }

    public void addContact(Contact contact, String by, Instant now) {
        contacts.add(contact);
        record("contact-added", contactFields(null, contact), null, by, now, null, false);
        raise(CustomerEvents.UPDATED, updated(List.of("contacts"), by));
    }

    public void replaceContact(Contact contact, String by, Instant now) {
        Contact old = contact(contact.id()).orElseThrow();
        List<FieldChange> fields = contactFields(old, contact);
        if (fields.isEmpty()) {
            return;
        }
        contacts.set(contacts.indexOf(old), contact);
        record("contact-changed", fields, null, by, now, null, false);
        raise(CustomerEvents.UPDATED, updated(List.of("contacts"), by));
    }

    public void removeContact(String contactId, String by, Instant now) {
        Contact old = contact(contactId).orElseThrow();
        contacts.remove(old);
        record("contact-removed", contactFields(old, null), null, by, now, null, false);
        raise(CustomerEvents.UPDATED, updated(List.of("contacts"), by));
    }

    /**
     * CU-3 erasure on request: the contact's personal data is replaced, in the profile and in its history, while the
     * contact itself stays counted (statistics keep their numbers).
     */
    public void eraseContact(String contactId, String by, Instant now) {
        Contact old = contact(contactId).orElseThrow();
        Contact erased = new Contact(old.id(), "[erased]", old.title(), null, null, null, null, null, old.key(), true);
        contacts.set(contacts.indexOf(old), erased);
        String prefix = "contacts[" + contactId + "]";
        List<Change> scrubbed = new ArrayList<>(history.size());
        for (Change change : history) {
            List<FieldChange> fields = change.fields().stream()
                    .map(f -> f.field().startsWith(prefix) && !f.field().endsWith(".title") && !f.field().endsWith(".key")
                            ? new FieldChange(f.field(), f.from() == null ? null : "[erased]", f.to() == null ? null : "[erased]")
                            : f)
                    .toList();
            scrubbed.add(new Change(change.at(), change.by(), change.action(), fields, change.reason(), change.occurredAt(),
                    change.recordedLate()));
        }
        history = scrubbed;
        record("contact-erased", List.of(new FieldChange(prefix, "[erased]", "[erased]")), "CU-3: erasure on request", by,
                now, null, false);
        raise(CustomerEvents.UPDATED, updated(List.of("contacts"), by));
    }

    private static List<FieldChange> contactFields(Contact old, Contact now) {
        String prefix = "contacts[" + (old != null ? old.id() : now.id()) + "]";
        List<FieldChange> fields = new ArrayList<>();
        diff(fields, prefix + ".name", old == null ? null : old.name(), now == null ? null : now.name());
        diff(fields, prefix + ".title", old == null ? null : old.title(), now == null ? null : now.title());
        diff(fields, prefix + ".phone", old == null ? null : old.phone(), now == null ? null : now.phone());
        diff(fields, prefix + ".email", old == null ? null : old.email(), now == null ? null : now.email());
        diff(fields, prefix + ".idNumber", old == null ? null : old.idNumber(), now == null ? null : now.idNumber());
        diff(fields, prefix + ".birthday", old == null ? null : old.birthday(), now == null ? null : now.birthday());
        diff(fields, prefix + ".key", old == null ? null : old.key(), now == null ? null : now.key());
        return fields;
    }

    public void addProject(Project project, String by, Instant now) {
        projects.add(project);
        record("project-added", projectFields(null, project), null, by, now, null, false);
        raise(CustomerEvents.UPDATED, updated(List.of("projects"), by));
    }

    /** A project adjustment is a major change (CU-2): {@code occurredAt} is checked against the recording window. */
    public void replaceProject(Project project, String reason, String by, Instant now, Instant occurredAt,
            Duration window) {
        Project old = project(project.id()).orElseThrow();
        List<FieldChange> fields = projectFields(old, project);
        if (fields.isEmpty()) {
            return;
        }
        projects.set(projects.indexOf(old), project);
        boolean late = occurredAt != null && Duration.between(occurredAt, now).compareTo(window) > 0;
        record("project-changed", fields, reason, by, now, occurredAt, late);
        raise(CustomerEvents.UPDATED, updated(List.of("projects"), by));
    }

    public void removeProject(String projectId, String by, Instant now) {
        Project old = project(projectId).orElseThrow();
        projects.remove(old);
        record("project-removed", projectFields(old, null), null, by, now, null, false);
        raise(CustomerEvents.UPDATED, updated(List.of("projects"), by));
    }

    private static List<FieldChange> projectFields(Project old, Project now) {
        String prefix = "projects[" + (old != null ? old.id() : now.id()) + "]";
        List<FieldChange> fields = new ArrayList<>();
        diff(fields, prefix + ".name", old == null ? null : old.name(), now == null ? null : now.name());
        diff(fields, prefix + ".location", old == null ? null : old.location(), now == null ? null : now.location());
        diff(fields, prefix + ".scale", old == null ? null : old.scale(), now == null ? null : now.scale());
        diff(fields, prefix + ".budget", old == null || old.budget() == null ? null : old.budget().amount() + " " + old.budget().currency(),
                now == null || now.budget() == null ? null : now.budget().amount() + " " + now.budget().currency());
        diff(fields, prefix + ".schedule", old == null ? null : old.schedule(), now == null ? null : now.schedule());
        return fields;
    }

    public void recordConsent(Consent consent, String by, Instant now) {
        consents.add(consent);
        record("consent-recorded", List.of(new FieldChange("consents[" + consent.id() + "]", null, consent.scope())), null,
                by, now, null, false);
        raise(CustomerEvents.UPDATED, updated(List.of("consents"), by));
    }

    /** CU-2: someone checked the profile against reality; it is no longer stale. */
    public void verify(String by, Instant now) {
        Instant before = lastVerifiedAt;
        lastVerifiedAt = now;
        record("verified", List.of(new FieldChange("lastVerifiedAt", Objects.toString(before, null), now.toString())), null,
                by, now, null, false);
    }

    public void archive(String reason, String by, Instant now) {
        List<FieldChange> fields = new ArrayList<>();
        diff(fields, "status", status, CustomerStatus.ARCHIVED);
        status = CustomerStatus.ARCHIVED;
        suspension = null;
        downgradeDueAt = null;
        record("archived", fields, reason, by, now, null, false);
        raise(CustomerEvents.UPDATED, updated(List.of("status"), by));
    }

    // ---- CU-4 / CU-6 classification ----

    public void changeCategory(Category to, String reason, String by, Instant now) {
        if (to == category) {
            return;
        }
        Category from = category;
        category = to;
        record("category-changed", List.of(new FieldChange("category", from.name(), to.name())), reason, by, now, null, false);
        raise(CustomerEvents.CATEGORY_CHANGED, new CustomerEvents.ClassificationChanged(getId(), departmentId, from.name(),
                to.name(), reason, by, now, null));
    }

    /** The caller has checked the quota (CU-4) and the blacklist (CU-7) for a promotion. */
    public void changeGrade(Grade to, String reason, String by, Instant now) {
        if (to == grade) {
            return;
        }
        Grade from = grade;
        setGrade(to);
        if (from == Grade.VIP) {
            downgradeDueAt = null;
        }
        record("grade-changed", List.of(new FieldChange("grade", from.name(), to.name())), reason, by, now, null, false);
        raise(CustomerEvents.GRADE_CHANGED, new CustomerEvents.ClassificationChanged(getId(), departmentId, from.name(),
                to.name(), reason, by, now, priority));
    }

    private void setGrade(Grade to) {
        grade = to;
        priority = to.priority();
    }

    /** Records one month's volume (a month recorded again is corrected); the tier is then re-evaluated. */
    public void recordVolume(MonthlyVolume volume, String by, Instant now) {
        MonthlyVolume old = volumes.stream().filter(v -> v.month().equals(volume.month())).findFirst().orElse(null);
        if (old != null) {
            volumes.remove(old);
        }
        volumes.add(volume);
        volumes.sort(Comparator.comparing(MonthlyVolume::month));
        record("volume-recorded", List.of(new FieldChange("volumes[" + volume.month() + "]",
                old == null ? null : old.tonnes().toPlainString(), volume.tonnes().toPlainString())), null, by, now, null, false);
    }

    public Optional<MonthlyVolume> latestVolume() {
        return volumes.isEmpty() ? Optional.empty() : Optional.of(volumes.get(volumes.size() - 1));
    }

    public void changeTier(Tier to, String reason, String by, Instant now) {
        if (to == tier) {
            return;
        }
        Tier from = tier;
        tier = to;
        record("tier-changed", List.of(new FieldChange("tier", from.name(), to.name())), reason, by, now, null, false);
        raise(CustomerEvents.TIER_CHANGED, new CustomerEvents.ClassificationChanged(getId(), departmentId, from.name(),
                to.name(), reason, by, now, null));
    }

    /**
     * CU-6: a problem in the period. On a VIP it starts the downgrade deadline ({@code downgradeDue}, computed on the
     * business calendar) unless one is already running.
     */
    public void recordProblem(ProblemRecord problem, Instant downgradeDue) {
        problems.add(problem);
        List<FieldChange> fields = new ArrayList<>();
        fields.add(new FieldChange("problems[" + problem.id() + "]", null, problem.kind().name()));
        if (grade == Grade.VIP && downgradeDueAt == null && downgradeDue != null) {
            downgradeDueAt = downgradeDue;
            fields.add(new FieldChange("downgradeDueAt", null, downgradeDue.toString()));
        }
        record("problem-recorded", fields, problem.description(), problem.recordedBy(), problem.recordedAt(), null, false);
    }

    /** CU-6 periodic review: the grade stays or changes (the caller checked a promotion), the next review is set. */
    public void review(Grade outcome, String reason, String by, Instant now, Instant next) {
        lastReviewAt = now;
        Instant previous = nextReviewAt;
        nextReviewAt = next;
        record("reviewed", List.of(new FieldChange("nextReviewAt", Objects.toString(previous, null), next.toString())),
                reason, by, now, null, false);
        changeGrade(outcome, reason, by, now);
    }

    // ---- CU-7 blacklist ----

    public void blacklist(BlacklistEntry entry) {
        blacklist.add(entry);
        record("blacklisted", List.of(new FieldChange("blacklist[" + entry.entryId() + "]", null,
                entry.scope() + (entry.departmentId() == null ? "" : ":" + entry.departmentId()) + " until " + entry.expiresAt())),
                entry.reason() + (entry.note() == null ? "" : ": " + entry.note()), entry.createdBy(), entry.createdAt(), null, false);
        raise(CustomerEvents.BLACKLISTED, new CustomerEvents.Blacklisted(getId(), entry.entryId(), entry.scope().name(),
                entry.departmentId(), entry.reason().name(), entry.expiresAt(), entry.createdBy()));
    }

    /**
     * Ends an entry, lifted by someone or expired. When no entry remains active the customer may do business again,
     * but only as QUALIFIED (CU-7).
     */
    public void endBlacklisting(String entryId, BlacklistState end, String reason, String by, Instant now) {
        BlacklistEntry entry = blacklistEntry(entryId).orElseThrow();
        BlacklistEntry ended = new BlacklistEntry(entry.entryId(), entry.scope(), entry.departmentId(), entry.reason(),
                entry.note(), entry.createdBy(), entry.createdAt(), entry.expiresAt(), end, now, by, reason);
        blacklist.set(blacklist.indexOf(entry), ended);
        record(end == BlacklistState.EXPIRED ? "blacklist-expired" : "blacklist-lifted",
                List.of(new FieldChange("blacklist[" + entryId + "].state", BlacklistState.ACTIVE.name(), end.name())),
                reason, by, now, null, false);
        raise(CustomerEvents.BLACKLIST_LIFTED, new CustomerEvents.BlacklistLifted(getId(), entryId, entry.scope().name(),
                entry.departmentId(), end == BlacklistState.EXPIRED ? "EXPIRED" : "LIFTED", reason, by, now));
        boolean stillBlacklisted = blacklist.stream().anyMatch(e -> e.state() == BlacklistState.ACTIVE);
        if (!stillBlacklisted && grade != Grade.QUALIFIED) {
            changeGrade(Grade.QUALIFIED, READMISSION_REASON, by, now);
        }
    }

    public Optional<BlacklistEntry> blacklistEntry(String entryId) {
        return blacklist.stream().filter(e -> e.entryId().equals(entryId)).findFirst();
    }

    /** CU-7: whether business in {@code department} is barred now (a company-level entry bars every department). */
    public Optional<BlacklistEntry> blacklistedIn(String department, Instant now) {
        return blacklist.stream().filter(e -> e.blocks(department, now))
                .sorted(Comparator.comparing(e -> e.scope() == Values.BlacklistScope.COMPANY ? 0 : 1)).findFirst();
    }

    // ---- CU-8 qualification documents ----

    public List<DocumentType> expiredDocuments(LocalDate today) {
        return documents.stream().filter(d -> d.expiresOn() != null && d.expiresOn().isBefore(today))
                .map(QualificationDocument::type).toList();
    }

    /** CU-8: an expired document suspends business until it is renewed. */
    public boolean suspendForExpiredDocuments(LocalDate today, Instant now) {
        List<DocumentType> expired = expiredDocuments(today);
        if (status != CustomerStatus.ACTIVE || expired.isEmpty()) {
            return false;
        }
        status = CustomerStatus.SUSPENDED;
        suspension = new Suspension("DOCUMENT_EXPIRED", expired, now);
        record("suspended", List.of(new FieldChange("status", CustomerStatus.ACTIVE.name(), CustomerStatus.SUSPENDED.name())),
                "CU-8: expired " + expired, "system", now, null, false);
        raise(CustomerEvents.SUSPENDED, new CustomerEvents.Suspended(getId(), departmentId, "DOCUMENT_EXPIRED",
                expired.stream().map(Enum::name).toList(), now));
        return true;
    }

    /** Adds or renews a document; a suspension for expired documents ends once none is expired any more. */
    public void renewDocument(QualificationDocument document, String by, Instant now, LocalDate today) {
        QualificationDocument old = documents.stream().filter(d -> d.type() == document.type()).findFirst().orElse(null);
        if (old != null) {
            documents.set(documents.indexOf(old), document);
        } else {
            documents.add(document);
        }
        List<FieldChange> fields = new ArrayList<>();
        diff(fields, "documents[" + document.type() + "].number", old == null ? null : old.number(), document.number());
        diff(fields, "documents[" + document.type() + "].expiresOn", old == null ? null : old.expiresOn(), document.expiresOn());
        record("document-renewed", fields, null, by, now, null, false);
        raise(CustomerEvents.UPDATED, updated(List.of("documents"), by));
        if (status == CustomerStatus.SUSPENDED && expiredDocuments(today).isEmpty()) {
            status = CustomerStatus.ACTIVE;
            suspension = null;
            record("reinstated", List.of(new FieldChange("status", CustomerStatus.SUSPENDED.name(), CustomerStatus.ACTIVE.name())),
                    "CU-8: documents renewed", by, now, null, false);
            raise(CustomerEvents.REINSTATED, new CustomerEvents.Reinstated(getId(), departmentId, "DOCUMENTS_RENEWED", now));
        }
    }

    // ---- CU-10 ownership ----

    /** {@code kind} is {@code DEPARTURE} (CU-10 redistribution) or {@code REASSIGNED}; {@code note} says why. */
    public void reassign(String newOwnerId, String kind, String note, String by, Instant now) {
        if (Objects.equals(newOwnerId, ownerId)) {
            return;
        }
        String from = ownerId;
        ownerId = newOwnerId;
        record("owner-changed", List.of(new FieldChange("ownerId", from, newOwnerId)),
                note == null ? kind : kind + ": " + note, by, now, null, false);
        raise(CustomerEvents.OWNER_CHANGED, new CustomerEvents.OwnerChanged(getId(), departmentId, from, newOwnerId,
                kind, by, now));
    }

    // ---- helpers ----

    private CustomerEvents.Updated updated(List<String> fields, String by) {
        return new CustomerEvents.Updated(getId(), name, departmentId, ownerId, status.name(), List.copyOf(new LinkedHashSet<>(fields)), by);
    }

    private void record(String action, List<FieldChange> fields, String reason, String by, Instant now, Instant occurredAt,
            boolean late) {
        history.add(new Change(now, by, action, List.copyOf(fields), reason, occurredAt, late));
    }

    private static void diff(List<FieldChange> fields, String field, Object from, Object to) {
        String a = from == null ? null : from.toString();
        String b = to == null ? null : to.toString();
        if (a != null && a.isEmpty()) {
            a = null;
        }
        if (b != null && b.isEmpty()) {
            b = null;
        }
        if (!Objects.equals(a, b)) {
            fields.add(new FieldChange(field, a, b));
        }
    }

    public Optional<Contact> contact(String contactId) {
        return contacts.stream().filter(c -> c.id().equals(contactId)).findFirst();
    }

    public Optional<Project> project(String projectId) {
        return projects.stream().filter(p -> p.id().equals(projectId)).findFirst();
    }

    public Set<String> contactPhones() {
        Set<String> phones = new LinkedHashSet<>();
        contacts.stream().map(Contact::phone).filter(Objects::nonNull).forEach(phones::add);
        return phones;
    }

    public boolean isArchived() {
        return status == CustomerStatus.ARCHIVED;
    }

    public String getTenantId() {
        return tenantId;
    }

    public String getName() {
        return name;
    }

    public String getNameKey() {
        return nameKey;
    }

    public String getRegistrationNumber() {
        return registrationNumber;
    }

    public String getAddress() {
        return address;
    }

    public String getRegion() {
        return region;
    }

    public String getIndustry() {
        return industry;
    }

    public LegalRepresentative getLegalRepresentative() {
        return legalRepresentative;
    }

    public String getBusinessScope() {
        return businessScope;
    }

    public StrategicValue getStrategicValue() {
        return strategicValue;
    }

    public String getOrganisation() {
        return organisation;
    }

    public List<String> getDecisionChain() {
        return List.copyOf(decisionChain);
    }

    /** CU-4: the product lines whose grade quotas this customer counts in. */
    public List<String> getProductLines() {
        return productLines == null ? List.of() : List.copyOf(productLines);
    }

    public List<Contact> getContacts() {
        return List.copyOf(contacts);
    }

    public List<Project> getProjects() {
        return List.copyOf(projects);
    }

    public String getOwnerId() {
        return ownerId;
    }

    public String getDepartmentId() {
        return departmentId;
    }

    public Category getCategory() {
        return category;
    }

    public Grade getGrade() {
        return grade;
    }

    public int getPriority() {
        return priority;
    }

    public Tier getTier() {
        return tier;
    }

    public CustomerStatus getStatus() {
        return status;
    }

    public Suspension getSuspension() {
        return suspension;
    }

    public List<QualificationDocument> getDocuments() {
        return List.copyOf(documents);
    }

    public List<BlacklistEntry> getBlacklist() {
        return List.copyOf(blacklist);
    }

    public List<MonthlyVolume> getVolumes() {
        return List.copyOf(volumes);
    }

    public List<ProblemRecord> getProblems() {
        return List.copyOf(problems);
    }

    public Instant getDowngradeDueAt() {
        return downgradeDueAt;
    }

    public Instant getLastReviewAt() {
        return lastReviewAt;
    }

    public Instant getNextReviewAt() {
        return nextReviewAt;
    }

    public List<Consent> getConsents() {
        return List.copyOf(consents);
    }

    public Instant getLastVerifiedAt() {
        return lastVerifiedAt;
    }

    public String getAdmissionId() {
        return admissionId;
    }

    public String getCreationKey() {
        return creationKey;
    }

    public List<Change> getHistory() {
        return List.copyOf(history);
    }

    /** Tonnes of the latest recorded month, or null before the first (the customer is still NEW). */
    public BigDecimal latestTonnes() {
        return latestVolume().map(MonthlyVolume::tonnes).orElse(null);
    }
}
