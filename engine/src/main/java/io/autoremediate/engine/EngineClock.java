package io.autoremediate.engine;

import java.time.Instant;

/** The engine's only source of time, so Waits and retry backoff can run on a {@link VirtualClock} in tests. */
public interface EngineClock {

    Instant now();

    /** Blocks until the clock reaches {@code deadline} (returns at once if it has). */
    void sleepUntil(Instant deadline) throws InterruptedException;

    /**
     * Asks to be told when this clock jumps forward other than by real time passing ({@link VirtualClock}
     * does), so a scheduler parked on it can look again. Clocks that follow real time need not call it.
     */
    default void whenAdvanced(Runnable listener) {
    }

    /** Real time: the system UTC clock and real sleeping. */
    static EngineClock system() {
        return SystemClock.INSTANCE;
    }
}
