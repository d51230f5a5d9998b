package org.crmsuite.customer.policy;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** The organisation's current policy values, one document ({@code _id: current}); absent until first changed. */
@Document("customer_policy")
class PolicyDocument {

    static final String CURRENT = "current";

    @Id
    String id = CURRENT;
    @Version
    Long version;
    CustomerPolicy policy;
    Instant updatedAt;
    String updatedBy;
}
