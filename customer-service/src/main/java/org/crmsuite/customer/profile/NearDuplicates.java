package org.crmsuite.customer.profile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.crmsuite.customer.web.Literal;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * CU-11 Duplicates: one legal entity is one customer. The registration number is unique per tenant (a unique index);
 * a near-duplicate — a customer with one of the same contact phones, or a name whose core (without legal-form words
 * and punctuation) is at least {@code nearDuplicateSimilarity} alike — is flagged at creation and saved only when the
 * caller confirms.
 */
final class NearDuplicates {

    private NearDuplicates() {
    }

    record Candidate(String customerId, String name, String departmentId, List<String> matchedOn, double nameSimilarity) {
    }

    static List<Candidate> find(MongoTemplate mongo, String tenantId, String name, Collection<String> phones,
            double similarity) {
        String core = NameKey.core(name);
        List<Criteria> any = new ArrayList<>();
        if (!phones.isEmpty()) {
            any.add(Criteria.where("contacts.phone").in(phones));
        }
        if (!core.isEmpty()) {
            any.add(Criteria.where("nameCore").is(core));
            String start = core.codePoints().limit(2).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                    StringBuilder::append).toString();
            any.add(Criteria.where("nameCore").regex("^" + Literal.regex(start)));
        }
        if (any.isEmpty()) {
            return List.of();
        }
        Query query = new Query(new Criteria().andOperator(Criteria.where("tenantId").is(tenantId),
                new Criteria().orOperator(any))).limit(500);
        query.fields().include("name", "departmentId", "contacts.phone");
        List<Candidate> candidates = new ArrayList<>();
        for (Customer other : mongo.find(query, Customer.class)) {
            List<String> matched = new ArrayList<>();
            if (other.contactPhones().stream().anyMatch(phones::contains)) {
                matched.add("PHONE");
            }
            double alike = NameKey.similarity(name, other.getName());
            if (alike >= similarity) {
                matched.add("NAME");
            }
            if (!matched.isEmpty()) {
                candidates.add(new Candidate(other.getId(), other.getName(), other.getDepartmentId(), matched,
                        Math.round(alike * 100) / 100.0));
            }
        }
        return candidates.stream().limit(20).toList();
    }
}
