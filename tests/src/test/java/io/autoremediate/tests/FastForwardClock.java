package io.autoremediate.tests;

import io.autoremediate.engine.EngineClock;
import io.autoremediate.engine.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Virtual time for the state machine's Waits that never outruns the real bash processes it polls: while a
 * runbook runs, a wait takes its own length of real time, or less if the runbook ends sooner, so a runbook's
 * timeout (real time, as in SSM) still comes before the state machine gives up polling it. Otherwise a wait
 * takes a sliver of real time: a 60 s pause takes 20 ms.
 */
final class FastForwardClock implements EngineClock {

    private static final Duration REAL_SLICE = Duration.ofMillis(20);

    private final VirtualClock virtual = new VirtualClock(Instant.parse("2026-11-25T17:05:00Z"));
    private final BooleanSupplier runbookRunning;

    /** @param runbookRunning whether a runbook process is running now */
    FastForwardClock(BooleanSupplier runbookRunning) {
        this.runbookRunning = runbookRunning;
    }

    @Override
    public Instant now() {
        return virtual.now();
    }

    @Override
    public void sleepUntil(Instant deadline) throws InterruptedException {
        Duration wait = Duration.between(virtual.now(), deadline);
        if (!wait.isNegative() && !wait.isZero()) {
            long realEnd = System.nanoTime() + wait.toNanos();
            Thread.sleep(Math.min(wait.toMillis(), REAL_SLICE.toMillis()));
            while (runbookRunning.getAsBoolean() && System.nanoTime() < realEnd) {
                Thread.sleep(Math.max(1, Math.min(REAL_SLICE.toMillis(), (realEnd - System.nanoTime()) / 1_000_000)));
            }
        }
        virtual.sleepUntil(deadline);
    }
}
