package org.cocrea.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock that stands still until a test moves it, for code that reads "now" from an injected {@link Clock}. */
public final class MutableClock extends Clock {

    private final ZoneId zone;
    private volatile Instant now;

    /**
     * @param start the first instant the clock shows
     * @param zone  its time zone (America/Argentina/Buenos_Aires in Cocrea)
     */
    public MutableClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    /** @param amount how far to move the clock forward */
    public void advance(Duration amount) {
        now = now.plus(amount);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new MutableClock(now, other);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
