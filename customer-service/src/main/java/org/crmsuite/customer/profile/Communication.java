package org.crmsuite.customer.profile;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** CU-1 timeline: one communication with the customer (沟通记录), who had it and when. Append-only. */
@Document("communications")
@CompoundIndex(name = "customer_time", def = "{'customerId': 1, 'at': -1}")
record Communication(@Id String id, String customerId, String departmentId, Instant at, Channel channel, String summary,
        String contactId, String staffId, Instant recordedAt) {

    enum Channel {
        PHONE, VISIT, EMAIL, MEETING, MESSAGE, OTHER
    }
}
