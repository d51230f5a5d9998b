package org.crmsuite.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A service's clock in tests (the services take time only from an injected {@link Clock}): set to the instant a
 * scenario needs, moved on by hand, and back to where it started with {@link #reset()}.
 */
public final class MutableClock extends Clock {

    private final Instant start;
    private volatile Instant now;

    public MutableClock(Instant start) {
        this.start = start;
        this.now = start;
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void set(String instant) {
        now = Instant.parse(instant);
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** Back to the instant the clock was made with. */
    public void reset() {
        now = start;
    }

    public Instant start() {
        return start;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
