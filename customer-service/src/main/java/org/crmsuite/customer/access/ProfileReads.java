package org.crmsuite.customer.access;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.types.ObjectId;
import org.crmsuite.platform.identity.Caller;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Writes and queries the CU-3 audit log of unmasked reads from outside the owning department. */
@Service
public class ProfileReads {

    private final MongoTemplate mongo;
    private final Clock clock;

    ProfileReads(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Records the read if CU-3 says it must be audited; {@code what} names what was read (PROFILE, HISTORY, …). */
    public void readBy(Caller caller, Access access, String customerId, String customerDepartmentId, String what) {
        if (Confidentiality.auditable(caller, access, customerDepartmentId)) {
            mongo.insert(new ProfileRead(new ObjectId().toHexString(), clock.instant(), caller.id(),
                    caller.roles().stream().map(Enum::name).sorted().toList(), caller.department(), customerId,
                    customerDepartmentId, what));
        }
    }

    Page<ProfileRead> find(String customerDepartmentId, String customerId, String readerId, Instant from, Instant to,
            Pageable pageable) {
        List<Criteria> all = new ArrayList<>();
        if (customerDepartmentId != null) {
            all.add(Criteria.where("customerDepartmentId").is(customerDepartmentId));
        }
        if (customerId != null) {
            all.add(Criteria.where("customerId").is(customerId));
        }
        if (readerId != null) {
            all.add(Criteria.where("readerId").is(readerId));
        }
        if (from != null) {
            all.add(Criteria.where("at").gte(from));
        }
        if (to != null) {
            all.add(Criteria.where("at").lt(to));
        }
        Query query = all.isEmpty() ? new Query() : new Query(new Criteria().andOperator(all));
        long total = mongo.count(query, ProfileRead.class);
        return new PageImpl<>(mongo.find(query.with(pageable), ProfileRead.class), pageable, total);
    }
}
