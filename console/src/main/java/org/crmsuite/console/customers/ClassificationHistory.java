package org.crmsuite.console.customers;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.crmsuite.console.customers.CustomerViews.Change;
import org.crmsuite.console.customers.CustomerViews.FieldChange;

/**
 * The classification history of a customer (CU-4, CU-6: every category, grade and tier change keeps who, when and
 * why) out of its change history (CU-2), which records every change of the profile; customer-service has no list of
 * its own for them. A change that touched a classification and other fields too (creation, re-admission) keeps only
 * the classification's fields.
 */
final class ClassificationHistory {

    static final Set<String> CLASSIFICATIONS = Set.of("category", "grade", "tier");

    private ClassificationHistory() {
    }

    /** Newest first, as the service lists the history. */
    static List<Change> of(List<Change> changes) {
        List<Change> classification = new ArrayList<>();
        for (Change change : changes) {
            List<FieldChange> fields = change.fields().stream()
                    .filter(field -> CLASSIFICATIONS.contains(field.field())).toList();
            if (!fields.isEmpty()) {
                classification.add(new Change(change.at(), change.by(), change.action(), fields, change.reason(),
                        change.occurredAt(), change.recordedLate()));
            }
        }
        return classification;
    }
}
