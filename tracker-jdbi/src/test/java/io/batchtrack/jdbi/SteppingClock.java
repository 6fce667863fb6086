package io.batchtrack.jdbi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves one second forward each time it is read: runs get distinct, ordered times. */
final class SteppingClock extends Clock {
    private final AtomicLong millis;

    SteppingClock(Instant start) {
        this.millis = new AtomicLong(start.toEpochMilli());
    }

    SteppingClock() {
        this(Instant.parse("2025-12-30T15:00:00Z"));
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.getAndAdd(Duration.ofSeconds(1).toMillis()));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
