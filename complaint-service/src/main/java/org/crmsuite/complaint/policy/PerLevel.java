package org.crmsuite.complaint.policy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** One policy value per severity level (CO-4): L1 ordinary, L2 serious, L3 very serious. */
public record PerLevel(@Min(1) @Max(60) int l1, @Min(1) @Max(60) int l2, @Min(1) @Max(60) int l3) {
}
