package org.crmsuite.complaint.cases;

import java.time.Duration;
import java.time.Instant;

/**
 * One deadline a case runs against (CO-3, CO-5): when it started, when it is due, when the SLA warning falls, and
 * what became of it. A breach is kept with the handler it happened to (CO-5 "recorded per case and per handler").
 */
public class Deadline {

    /** How a deadline ended, as the reports count it (CO-9 on-time rate). */
    public enum Outcome {
        /** Running, not yet due. */
        OPEN,
        ON_TIME,
        /** Met after it was due, or breached and still open. */
        LATE,
        /** Replaced by a new deadline before it was due (escalation, extension of the level). */
        SUPERSEDED
    }

    private DeadlineKind kind;
    private int round;
    private Instant startedAt;
    private Instant dueAt;
    private Instant warnAt;
    private boolean warned;
    private boolean breached;
    private Instant breachedAt;
    private String breachHandlerId;
    private Instant metAt;
    private Outcome outcome = Outcome.OPEN;
    /** Business time the clock was paused while waiting on the customer; already added to {@code dueAt}. */
    private Duration paused = Duration.ZERO;
    private Integer businessDays;
    private boolean superseded;

    protected Deadline() {
    }

    Deadline(DeadlineKind kind, int round, Instant startedAt, Instant dueAt, Instant warnAt, Integer businessDays) {
        this.kind = kind;
        this.round = round;
        this.startedAt = startedAt;
        this.dueAt = dueAt;
        this.warnAt = warnAt;
        this.businessDays = businessDays;
    }

    /** Neither met nor replaced: the SLA clock runs on it. */
    public boolean isRunning() {
        return metAt == null && !superseded;
    }

    void meet(Instant at) {
        metAt = at;
        outcome = breached || at.isAfter(dueAt) ? Outcome.LATE : Outcome.ON_TIME;
    }

    /** Replaced by a new deadline: no longer runs; a breach stays on record as LATE. */
    void supersede() {
        superseded = true;
        if (outcome == Outcome.OPEN) {
            outcome = Outcome.SUPERSEDED;
        }
    }

    public boolean isSuperseded() {
        return superseded;
    }

    void warn() {
        warned = true;
    }

    void breach(String handlerId) {
        warned = true;
        breached = true;
        breachedAt = dueAt;
        breachHandlerId = handlerId;
        outcome = Outcome.LATE;
    }

    void shift(Instant newDue, Instant newWarnAt, Duration pausedFor) {
        dueAt = newDue;
        if (!warned) {
            warnAt = newWarnAt;
        }
        paused = paused.plus(pausedFor);
    }

    void extend(Instant newDue, Instant newWarnAt, int days) {
        dueAt = newDue;
        warnAt = newWarnAt;
        warned = false;
        businessDays = days;
    }

    public DeadlineKind getKind() {
        return kind;
    }

    public int getRound() {
        return round;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getWarnAt() {
        return warnAt;
    }

    public boolean isWarned() {
        return warned;
    }

    public boolean isBreached() {
        return breached;
    }

    public Instant getBreachedAt() {
        return breachedAt;
    }

    public String getBreachHandlerId() {
        return breachHandlerId;
    }

    public Instant getMetAt() {
        return metAt;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public Duration getPaused() {
        return paused;
    }

    public Integer getBusinessDays() {
        return businessDays;
    }
}
