package org.crmsuite.customer.access;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * CU-3 audit entry: someone outside the owning department read a full, unmasked profile (or its contacts, history,
 * consents, or an export). Append-only.
 */
@Document("profile_reads")
@CompoundIndexes({
        @CompoundIndex(name = "department_time", def = "{'customerDepartmentId': 1, 'at': -1}"),
        @CompoundIndex(name = "customer_time", def = "{'customerId': 1, 'at': -1}"),
        @CompoundIndex(name = "reader_time", def = "{'readerId': 1, 'at': -1}"),
        @CompoundIndex(name = "time", def = "{'at': -1}") })
public record ProfileRead(@Id String id, Instant at, String readerId, List<String> readerRoles, String readerDepartmentId,
        String customerId, String customerDepartmentId, String what) {
}
