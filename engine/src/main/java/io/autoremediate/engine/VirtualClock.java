package io.autoremediate.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A clock that only moves when told: {@link #sleepUntil} jumps straight to the deadline. Thread-safe. */
public final class VirtualClock implements EngineClock {
    /** Where a clock created without a start begins. */
    public static final Instant DEFAULT_START = Instant.parse("2024-01-01T00:00:00Z");

    private Instant now;

    public VirtualClock() {
        this(DEFAULT_START);
    }

    public VirtualClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized void sleepUntil(Instant deadline) {
        if (deadline.isAfter(now)) {
            now = deadline;
        }
    }

    /** Moves time forward, as a slow function might. */
    public synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time cannot go backwards: " + duration);
        }
        now = now.plus(duration);
    }
}
