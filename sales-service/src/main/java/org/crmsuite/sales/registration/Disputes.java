package org.crmsuite.sales.registration;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.crmsuite.platform.web.DomainException;
import org.crmsuite.sales.office.SalesOffice;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** SA-7: ownership disputes go to the manager's written decision. */
@Service
public class Disputes {

    private final MongoTemplate mongo;
    private final Clock clock;

    Disputes(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    Dispute open(SalesOffice office, String visitorName, String phone, List<String> claimants, String description,
            String by) {
        return mongo.insert(Dispute.open(office.id(), office.departmentId(), visitorName, phone, claimants, description, by,
                clock.instant()));
    }

    Dispute get(String id) {
        Dispute d = mongo.findById(id, Dispute.class);
        if (d == null) {
            throw DomainException.notFound("dispute", id);
        }
        return d;
    }

    Dispute decide(Dispute dispute, String decision, List<Dispute.Share> shares, String by) {
        dispute.decide(decision, shares, by, clock.instant());
        return mongo.save(dispute);
    }

    List<Dispute> ofOffice(String officeId) {
        return mongo.find(Query.query(Criteria.where("officeId").is(officeId)).with(Sort.by(Sort.Direction.DESC, "openedAt"))
                .limit(200), Dispute.class);
    }

    /** The latest decided dispute over this visitor that set shares (SA-7 manager's decision), if any. */
    public Optional<Dispute> decisionFor(String officeId, String phone) {
        if (phone == null) {
            return Optional.empty();
        }
        return mongo.find(Query.query(Criteria.where("officeId").is(officeId).and("phone").is(phone).and("state")
                .is(Dispute.State.DECIDED)).with(Sort.by(Sort.Direction.DESC, "decidedAt")), Dispute.class).stream()
                .filter(d -> d.shares() != null && !d.shares().isEmpty()).findFirst();
    }
}
