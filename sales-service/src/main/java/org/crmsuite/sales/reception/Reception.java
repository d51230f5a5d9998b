package org.crmsuite.sales.reception;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** One walk-in received: who received, whom it credits, the rule and the registration the decision relied on. */
@Document("receptions")
@CompoundIndex(name = "office_date", def = "{'officeId': 1, 'date': 1}")
public class Reception {

    @Id
    String id;
    @Version
    Long version;
    String officeId;
    String departmentId;
    String date;
    String visitorName;
    String phone;
    String repId;
    String creditedRepId;
    String rule;
    String reason;
    boolean countedAsTurn;
    String reliedOnRegistrationId;
    String registrationId;
    String referralId;
    String standbyRepId;
    String switchedTo;
    String switchApprovedBy;
    String switchReason;
    String receivedBy;
    Instant at;
    @Indexed(unique = true, sparse = true)
    String idempotencyKey;

    Reception() {
    }
}
