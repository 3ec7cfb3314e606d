package io.autoremediate.engine;

import java.time.Duration;
import java.time.Instant;

/** The system UTC clock and real sleeping: {@link EngineClock#system()}. */
enum SystemClock implements EngineClock {
    INSTANCE;

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public void sleepUntil(Instant deadline) throws InterruptedException {
        Duration left = Duration.between(Instant.now(), deadline);
        while (!left.isNegative() && !left.isZero()) {
            Thread.sleep(Math.max(1, left.toMillis()));
            left = Duration.between(Instant.now(), deadline);
        }
    }
}
