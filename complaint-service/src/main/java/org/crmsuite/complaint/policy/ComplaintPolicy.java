package org.crmsuite.complaint.policy;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.crmsuite.platform.calendar.DayEnd;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The policy values of the complaint rules (DOMAIN.md: "policy" is a setting of the organisation, changeable at run
 * time by an administrator, with the named default).
 *
 * @param calendarId the business calendar every deadline is computed on (default {@code cn-default})
 * @param acknowledgeWithin CO-3: the customer is contacted within this much business time (1 hour)
 * @param acknowledgeAroundTheClock CO-3: count {@code acknowledgeWithin} 24×7 instead of in business hours (false)
 * @param acceptBusinessDays CO-3: the first-line acceptor takes the case within this many business days (1)
 * @param resolveBusinessDays CO-5: resolved within L1 1, L2 3, L3 3 business days
 * @param l3MaxBusinessDays CO-5: an L3 case may be extended to at most this many business days, by a director (7)
 * @param dayEnd CO-5: a deadline in business days falls at the end of the day or at the clock time of receipt
 * @param warnAtPercent NO-2: an SLA warning when this share of the allowed business time has passed (75)
 * @param pauseWhileWaitingOnCustomer the SLA clock stops while the case waits on the customer (true)
 * @param progressContactDays CO-6: an open case without a customer contact for this many calendar days is flagged
 *        (L1 7 = weekly; L2 5, L3 3: more often for serious cases)
 */
public record ComplaintPolicy(
        @NotBlank String calendarId,
        @NotNull Duration acknowledgeWithin,
        boolean acknowledgeAroundTheClock,
        @Min(1) @Max(30) int acceptBusinessDays,
        @NotNull @Valid PerLevel resolveBusinessDays,
        @Min(1) @Max(60) int l3MaxBusinessDays,
        @NotNull DayEnd dayEnd,
        @Min(1) @Max(99) int warnAtPercent,
        boolean pauseWhileWaitingOnCustomer,
        @NotNull @Valid PerLevel progressContactDays) {

    @JsonIgnore
    @AssertTrue(message = "must be between 1 minute and 7 days")
    public boolean isAcknowledgeWithinSensible() {
        return acknowledgeWithin == null
                || (acknowledgeWithin.compareTo(Duration.ofMinutes(1)) >= 0 && acknowledgeWithin.compareTo(Duration.ofDays(7)) <= 0);
    }

    @JsonIgnore
    @AssertTrue(message = "l3MaxBusinessDays must be at least resolveBusinessDays.l3")
    public boolean isL3MaximumAboveItsStart() {
        return resolveBusinessDays == null || l3MaxBusinessDays >= resolveBusinessDays.l3();
    }
}
