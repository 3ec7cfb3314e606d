package io.autoremediate.tests;

import io.autoremediate.engine.EngineClock;
import io.autoremediate.engine.VirtualClock;
import java.time.Duration;
import java.time.Instant;

/**
 * Virtual time for the state machine's Waits, with a sliver of real time per wait so that real bash
 * processes (which run on the wall clock) can make progress between polls: a 60 s pause takes 20 ms.
 */
final class FastForwardClock implements EngineClock {

    private static final Duration REAL_SLICE = Duration.ofMillis(20);

    private final VirtualClock virtual = new VirtualClock(Instant.parse("2026-11-25T17:05:00Z"));

    @Override
    public Instant now() {
        return virtual.now();
    }

    @Override
    public void sleepUntil(Instant deadline) throws InterruptedException {
        Duration wait = Duration.between(virtual.now(), deadline);
        if (!wait.isNegative() && !wait.isZero()) {
            Thread.sleep(Math.min(wait.toMillis(), REAL_SLICE.toMillis()));
        }
        virtual.sleepUntil(deadline);
    }
}
