package org.crmsuite.customer.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.crmsuite.customer.web.Literal;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The paged customer search. Every filter is a literal value: names and other text go through {@link Literal#regex},
 * everything else is an equality on a typed value, so no client text becomes a query operator. Each filter is the
 * leading key of an index on {@code customers} (see {@link Customer}) followed by {@code nameKey} for the default sort;
 * a name prefix ({@code nameMatch=PREFIX}) is an anchored regular expression, which MongoDB answers from the
 * {@code nameKey} index bounds.
 */
@Component
class CustomerSearch {

    /** Fields a result never needs; kept out of the page to keep it small. */
    static final String[] NOT_IN_SUMMARY = { "history", "projects", "consents", "volumes", "problems", "documents",
            "decisionChain", "organisation", "businessScope", "outbox" };

    enum NameMatch {
        PREFIX, CONTAINS
    }

    record Filter(String name, NameMatch nameMatch, String registrationNumber, String phone, String ownerId,
            String departmentId, Category category, Grade grade, Tier tier, CustomerStatus status) {
    }

    private final MongoTemplate mongo;

    CustomerSearch(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Page<Customer> search(String tenantId, Filter filter, Pageable pageable) {
        Query query = new Query(criteria(tenantId, filter));
        long total = mongo.count(query, Customer.class);
        query.with(pageable);
        query.fields().exclude(NOT_IN_SUMMARY);
        List<Customer> page = mongo.find(query, Customer.class);
        return new PageImpl<>(page, pageable, total);
    }

    static Criteria criteria(String tenantId, Filter filter) {
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where("tenantId").is(tenantId));
        if (filter.departmentId() != null) {
            all.add(Criteria.where("departmentId").is(filter.departmentId()));
        }
        if (filter.ownerId() != null) {
            all.add(Criteria.where("ownerId").is(filter.ownerId()));
        }
        if (filter.grade() != null) {
            all.add(Criteria.where("grade").is(filter.grade().name()));
        }
        if (filter.category() != null) {
            all.add(Criteria.where("category").is(filter.category().name()));
        }
        if (filter.tier() != null) {
            all.add(Criteria.where("tier").is(filter.tier().name()));
        }
        if (filter.status() != null) {
            all.add(Criteria.where("status").is(filter.status().name()));
        }
        if (filter.registrationNumber() != null) {
            all.add(Criteria.where("registrationNumber").is(filter.registrationNumber().strip().toUpperCase(Locale.ROOT)));
        }
        if (filter.phone() != null) {
            all.add(Criteria.where("contacts.phone").is(Phones.normalize(filter.phone())));
        }
        if (filter.name() != null && !NameKey.of(filter.name()).isEmpty()) {
            String literal = Literal.regex(NameKey.of(filter.name()));
            all.add(Criteria.where("nameKey").regex(filter.nameMatch() == NameMatch.PREFIX ? "^" + literal : literal));
        }
        return new Criteria().andOperator(all);
    }
}
