package org.crmsuite.customer.profile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import org.crmsuite.customer.classification.GradeQuotas;
import org.crmsuite.customer.policy.CustomerPolicy;
import org.crmsuite.customer.policy.CustomerSettings;
import org.crmsuite.customer.policy.Policies;
import org.crmsuite.platform.events.AggregateStore;
import org.crmsuite.platform.web.DomainException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The customer feature's entry point for the other features: load, change and save customers (always through
 * {@link AggregateStore}, so state, history and events are one write), register new ones (CU-11), search.
 */
@Service
public class Customers {

    private static final int RETRIES = 3;

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final Clock clock;
    private final CustomerSettings settings;
    private final Policies policies;
    private final GradeQuotas quotas;
    private final CustomerSearch search;

    Customers(MongoTemplate mongo, AggregateStore store, Clock clock, CustomerSettings settings, Policies policies,
            GradeQuotas quotas, CustomerSearch search) {
        this.mongo = mongo;
        this.store = store;
        this.clock = clock;
        this.settings = settings;
        this.policies = policies;
        this.quotas = quotas;
        this.search = search;
    }

    public String tenantId() {
        return settings.tenantId();
    }

    public Customer get(String id) {
        Customer customer = mongo.findById(id, Customer.class);
        if (customer == null) {
            throw DomainException.notFound("customer", id);
        }
        return customer;
    }

    public Customer save(Customer customer) {
        return store.save(customer);
    }

    /**
     * Applies {@code change} to the current state and saves it, reloading and trying again when another write came
     * first: for additions (a contact, a volume) that do not depend on what the caller last read.
     */
    public Customer modify(String id, Consumer<Customer> change) {
        for (int attempt = 1;; attempt++) {
            Customer customer = get(id);
            change.accept(customer);
            try {
                return store.save(customer);
            } catch (OptimisticLockingFailureException stale) {
                if (attempt >= RETRIES) {
                    throw stale;
                }
            }
        }
    }

    /** Applies {@code change} only if the customer is still at {@code expectedVersion} (409 otherwise). */
    public Customer modify(String id, long expectedVersion, Consumer<Customer> change) {
        Customer customer = get(id);
        if (customer.getVersion() != expectedVersion) {
            throw new OptimisticLockingFailureException("customer " + id + " is at version " + customer.getVersion()
                    + ", not " + expectedVersion);
        }
        change.accept(customer);
        return store.save(customer);
    }

    public Optional<Customer> byRegistrationNumber(String registrationNumber) {
        return Optional.ofNullable(mongo.findOne(new Query(Criteria.where("tenantId").is(tenantId())
                .and("registrationNumber").is(normalizeRegistration(registrationNumber))), Customer.class));
    }

    public Optional<Customer> byAdmission(String admissionId) {
        return Optional.ofNullable(mongo.findOne(new Query(Criteria.where("admissionId").is(admissionId)), Customer.class));
    }

    public static String normalizeRegistration(String registrationNumber) {
        return registrationNumber == null ? null : registrationNumber.strip().toUpperCase(Locale.ROOT);
    }

    /** The outcome of a creation request: the customer, and whether an earlier request with the same key made it. */
    public record Registration(Customer customer, boolean repeated) {
    }

    /**
     * CU-11: refuses a second customer with the same registration number (409 {@code customer.duplicate-registration})
     * and, unless {@code confirmDuplicate}, one that looks like an existing customer (409
     * {@code customer.possible-duplicate} listing the candidates). CU-4: a new VIP or preferred customer must fit the
     * department's quota.
     */
    public Registration register(NewCustomer details, boolean confirmDuplicate) {
        Optional<Registration> replay = earlierAttemptOrRefuseDuplicate(details);
        if (replay.isPresent()) {
            return replay.get();
        }
        if (!confirmDuplicate) {
            List<NearDuplicates.Candidate> candidates = NearDuplicates.find(mongo, tenantId(), details.profile().name(),
                    details.contacts().stream().map(Values.Contact::phone).filter(p -> p != null).toList(),
                    policies.current().nearDuplicateSimilarity());
            if (!candidates.isEmpty()) {
                throw DomainException.conflict("customer.possible-duplicate",
                        "This looks like an existing customer (same contact phone or a very similar name); "
                                + "check the candidates and send confirmDuplicate: true to save it anyway")
                        .with("candidates", candidates);
            }
        }
        try {
            Customer saved = quotas.promoting(details.departmentId(), details.profile().productLines(), null, details.grade(), true,
                    () -> store.save(Customer.register(details, clock.instant())));
            return new Registration(saved, false);
        } catch (DuplicateKeyException race) {
            // another attempt stored it first: the same request (replay it) or another customer (refuse); the winner's
            // document may become readable a moment after its index entry, so look again briefly
            for (int look = 0; look < 10; look++) {
                Optional<Registration> concurrent = earlierAttemptOrRefuseDuplicate(details);
                if (concurrent.isPresent()) {
                    return concurrent.get();
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            throw race;
        }
    }

    /**
     * CU-11: the customer an earlier attempt of this very request stored (same creation key: replayed), or 409
     * {@code customer.duplicate-registration} when another customer holds the registration number; empty if neither.
     * The registration number is read once and its holder's creation key compared, so an attempt that becomes
     * readable between two look-ups is still recognised as this request's.
     */
    private Optional<Registration> earlierAttemptOrRefuseDuplicate(NewCustomer details) {
        if (details.creationKey() != null) {
            Optional<Customer> earlier = byCreationKey(details.creationKey());
            if (earlier.isPresent()) {
                return Optional.of(new Registration(earlier.get(), true));
            }
        }
        Optional<Customer> holder = byRegistrationNumber(details.profile().registrationNumber());
        if (holder.isPresent() && details.creationKey() != null && details.creationKey().equals(holder.get().getCreationKey())) {
            return Optional.of(new Registration(holder.get(), true));
        }
        holder.ifPresent(Customers::refuseDuplicate);
        return Optional.empty();
    }

    /** An archived profile is history: 409 {@code customer.archived} for any change (CU-1). */
    public static void refuseArchived(Customer customer) {
        if (customer.isArchived()) {
            throw DomainException.conflict("customer.archived", "The customer is archived").with("customerId", customer.getId());
        }
    }

    public void refuseDuplicateRegistration(String registrationNumber) {
        byRegistrationNumber(registrationNumber).ifPresent(Customers::refuseDuplicate);
    }

    private static void refuseDuplicate(Customer existing) {
        throw DomainException.conflict("customer.duplicate-registration",
                "A customer with registration number " + existing.getRegistrationNumber() + " exists already")
                .with("existingCustomerId", existing.getId())
                .with("existingName", existing.getName());
    }

    private Optional<Customer> byCreationKey(String key) {
        return Optional.ofNullable(mongo.findOne(new Query(Criteria.where("creationKey").is(key)), Customer.class));
    }

    Page<Customer> search(CustomerSearch.Filter filter, Pageable pageable) {
        return search.search(tenantId(), filter, pageable);
    }

    /** CU-2: profiles not verified within the policy's period (archived ones excepted), oldest first. */
    Page<Customer> stale(String departmentId, Pageable pageable) {
        CustomerPolicy policy = policies.current();
        Instant before = clock.instant().minus(Duration.ofDays(policy.staleAfterDays()));
        Criteria criteria = Criteria.where("tenantId").is(tenantId()).and("lastVerifiedAt").lt(before).and("status")
                .ne(CustomerStatus.ARCHIVED.name());
        if (departmentId != null) {
            criteria = criteria.and("departmentId").is(departmentId);
        }
        Query query = new Query(criteria);
        long total = mongo.count(query, Customer.class);
        query.with(pageable);
        query.fields().exclude(CustomerSearch.NOT_IN_SUMMARY);
        return new PageImpl<>(mongo.find(query, Customer.class), pageable, total);
    }

    public Instant now() {
        return clock.instant();
    }

    public CustomerPolicy policy() {
        return policies.current();
    }
}
