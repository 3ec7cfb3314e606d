package io.autoremediate.engine.internal.scheduler;

import io.autoremediate.engine.EngineClock;
import java.time.Instant;
import java.util.Objects;

/**
 * Counts the executions queued on the pool or taking a turn, and, when asked and none is, moves a jumping
 * clock (a {@code VirtualClock}, a test's fast-forward clock) to the earliest parked deadline, so parked
 * executions become due without anyone advancing the clock. A Task's function runs inside a turn, and a
 * task-token listener answers inside the turn that issued the token, so neither is ever jumped over.
 */
final class IdleClock {
    private final EngineClock clock;
    private final Instant never;
    private int active;

    /** @param never a deadline only an answer ends (a task token wait without timeouts): never jumped to */
    IdleClock(EngineClock clock, Instant never) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.never = Objects.requireNonNull(never, "never");
    }

    /** An execution was queued on the pool. */
    synchronized void queued() {
        active++;
    }

    /** An execution's turn ended (or its queueing was refused); true when none is queued or running now. */
    synchronized boolean turnEnded() {
        active--;
        return active == 0;
    }

    /**
     * Moves the clock to {@code earliest} if no execution is queued or running; false when it did not.
     * Holding the monitor through the jump keeps a submission from another thread out until the clock has
     * moved: a clock like the tests' fast-forward one takes a few real milliseconds to jump.
     */
    synchronized boolean advanceIfIdle(Instant earliest) throws InterruptedException {
        if (active > 0 || !earliest.isBefore(never) || !clock.now().isBefore(earliest)) {
            return false;
        }
        clock.sleepUntil(earliest);
        return true;
    }
}
