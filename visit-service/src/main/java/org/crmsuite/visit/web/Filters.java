package org.crmsuite.visit.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.mongodb.core.query.Criteria;

/** The conditions of a list's filters, all of which must hold. */
public final class Filters {

    private final List<Criteria> all = new ArrayList<>();

    public Filters is(String field, Object value) {
        if (value != null) {
            all.add(Criteria.where(field).is(value));
        }
        return this;
    }

    public Filters add(Criteria criteria) {
        all.add(criteria);
        return this;
    }

    public Filters between(String field, Object from, Object to) {
        if (from != null) {
            all.add(Criteria.where(field).gte(from));
        }
        if (to != null) {
            all.add(Criteria.where(field).lt(to));
        }
        return this;
    }

    public Criteria criteria() {
        return all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
    }
}
