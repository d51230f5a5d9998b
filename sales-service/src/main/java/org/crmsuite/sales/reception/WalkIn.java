package org.crmsuite.sales.reception;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A visitor at the desk (SA-3): name and phone (looked up in the register), whether they say they have been before,
 * a rep they name before substantive reception (SA-5), and whether they refuse the rep who owns them (SA-7).
 */
public record WalkIn(
        @NotBlank @Size(max = 100) String visitorName,
        @Pattern(regexp = "[+0-9 ()-]{5,20}") String phone,
        @NotNull VisitedBefore visitedBefore,
        @Size(max = 60) String designatedRepId,
        Boolean refusesRegisteredRep,
        @Pattern(regexp = "[+0-9 ()-]{5,20}") String spousePhone,
        @Size(max = 500) String note) {

    public enum VisitedBefore { YES, NO, CANNOT_RECALL }

    boolean refuses() {
        return Boolean.TRUE.equals(refusesRegisteredRep);
    }
}
