package org.crmsuite.complaint.cases;

import java.time.Duration;
import java.time.Instant;

import org.crmsuite.complaint.policy.ComplaintPolicy;
import org.crmsuite.platform.calendar.BusinessCalendar;

/**
 * When each deadline of a case falls, computed on the business calendar with the policy in force (CO-3, CO-5, CO-6,
 * NO-2). Never {@code plusDays}: "1 business day" after a Friday evening before a holiday week is the make-up Saturday
 * after it.
 */
public record DeadlineSchedule(BusinessCalendar calendar, ComplaintPolicy policy) {

    /** CO-3: contact the customer within {@code acknowledgeWithin} of business time (or 24×7 if the policy says so). */
    public Instant acknowledgeDue(Instant received) {
        BusinessCalendar clock = policy.acknowledgeAroundTheClock() ? calendar.aroundTheClock() : calendar;
        return clock.add(received, policy.acknowledgeWithin());
    }

    /** CO-3: the first-line acceptor takes the case within {@code acceptBusinessDays}. */
    public Instant acceptDue(Instant received) {
        return calendar.addBusinessDays(received, policy.acceptBusinessDays(), policy.dayEnd());
    }

    /** CO-5: resolved within the level's business days (L3 starts at 3, a director may extend it to 7). */
    public Instant resolveDue(Instant start, Level level) {
        return resolveDue(start, level.of(policy.resolveBusinessDays()));
    }

    public Instant resolveDue(Instant start, int businessDays) {
        return calendar.addBusinessDays(start, businessDays, policy.dayEnd());
    }

    /**
     * NO-2: the SLA warning falls when {@code warnAtPercent} of the allowed time has passed (75 %), counted on the
     * clock the deadline runs on: business time, or around the clock for an acknowledgement the policy wants 24×7.
     */
    public Instant warnAt(DeadlineKind kind, Instant start, Instant due) {
        BusinessCalendar clock = kind == DeadlineKind.ACKNOWLEDGE && policy.acknowledgeAroundTheClock()
                ? calendar.aroundTheClock() : calendar;
        Duration allowed = clock.between(start, due);
        if (allowed.isNegative() || allowed.isZero()) {
            return due;
        }
        return clock.add(start, allowed.multipliedBy(policy.warnAtPercent()).dividedBy(100));
    }

    /** CO-6: the next customer contact is due this many calendar days ("weekly") after the last one. */
    public Instant progressContactDue(Instant lastContact, Level level) {
        return calendar.sameTimeDaysLater(lastContact, level.of(policy.progressContactDays()));
    }

    /** Working time from now to a due time; negative once it has passed. */
    public Duration businessTimeLeft(Instant now, Instant due) {
        return calendar.between(now, due);
    }

    public Duration businessTime(Instant from, Instant to) {
        return calendar.between(from, to);
    }

    /** A due time moved later by business time the clock was paused for. */
    public Instant shift(Instant due, Duration paused) {
        return calendar.add(due, paused);
    }

    public int percentElapsed(Instant start, Instant due, Instant now) {
        Duration allowed = calendar.between(start, due);
        if (allowed.isZero() || allowed.isNegative()) {
            return 100;
        }
        return (int) Math.min(999, calendar.between(start, now).toSeconds() * 100 / allowed.toSeconds());
    }
}
