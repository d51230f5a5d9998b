package org.crmsuite.sales.policy;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The organisation's current policy values, one document ({@code _id: current}); absent until first changed. */
@Document("sales_policy")
class PolicyDocument {

    static final String CURRENT = "current";

    @Id
    String id = CURRENT;
    long revision;
    SalesPolicy policy;
    Instant updatedAt;
    String updatedBy;
}
