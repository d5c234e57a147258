package org.negotiationledger.projections;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The application's clock as a test moves it by hand. */
public final class MovableClock extends Clock {

    private volatile Instant now;

    public MovableClock(String start) {
        this.now = Instant.parse(start);
    }

    public void set(String instant) {
        now = Instant.parse(instant);
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
