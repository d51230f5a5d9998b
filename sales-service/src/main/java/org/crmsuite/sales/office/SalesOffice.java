package org.crmsuite.sales.office;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A sales office (售楼处): the reception desk of one project, run by one department. */
@Document("offices")
public record SalesOffice(@Id String id, String name, String departmentId, @Indexed(unique = true) String projectId,
        String projectName, Instant createdAt, String createdBy) {
}
