package org.crmsuite.visit.policy;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** The organisation's current cadence policy, one document ({@code _id: current}); absent until first changed. */
@Document("visit_policy")
class PolicyDocument {

    static final String CURRENT = "current";

    @Id
    String id = CURRENT;
    @Version
    Long version;
    CadencePolicy policy;
    Instant createdAt;
    Instant updatedAt;
    String updatedBy;
}
