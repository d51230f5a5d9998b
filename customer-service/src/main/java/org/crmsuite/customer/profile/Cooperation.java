package org.crmsuite.customer.profile;

import java.time.Instant;
import java.time.LocalDate;

import org.crmsuite.customer.profile.Values.Money;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** CU-1 timeline: cooperation history (合作历史) — a contract, its amount and dates. Append-only. */
@Document("cooperations")
@CompoundIndex(name = "customer_signed", def = "{'customerId': 1, 'signedOn': -1}")
record Cooperation(@Id String id, String customerId, String departmentId, String contractNumber, String title,
        Money amount, LocalDate signedOn, LocalDate startOn, LocalDate endOn, String notes, String recordedBy,
        Instant recordedAt) {
}
