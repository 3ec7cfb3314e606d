package io.autoremediate.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock that only moves when told: {@link #sleepUntil} jumps straight to the deadline, and
 * {@link #advance} tells the listeners (an {@link ExecutionRuntime} makes parked executions due). Thread-safe.
 */
public final class VirtualClock implements EngineClock {
    /** Where a clock created without a start begins. */
    public static final Instant DEFAULT_START = Instant.parse("2024-01-01T00:00:00Z");

    private Instant now;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

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
    public void sleepUntil(Instant deadline) {
        boolean moved;
        synchronized (this) {
            moved = deadline.isAfter(now);
            if (moved) {
                now = deadline;
            }
        }
        if (moved) {
            listeners.forEach(Runnable::run);
        }
    }

    /** Moves time forward, as a slow function might, or as a test lets parked executions become due. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time cannot go backwards: " + duration);
        }
        synchronized (this) {
            now = now.plus(duration);
        }
        listeners.forEach(Runnable::run);
    }

    @Override
    public void whenAdvanced(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }
}
