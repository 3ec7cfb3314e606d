package io.autoremediate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VirtualClockTest {

    @Test
    void sleepUntilJumpsToTheDeadlineAtOnce() {
        VirtualClock clock = new VirtualClock(Instant.parse("2024-01-01T00:00:00Z"));

        clock.sleepUntil(Instant.parse("2024-01-02T00:00:00Z"));

        assertThat(clock.now()).isEqualTo(Instant.parse("2024-01-02T00:00:00Z"));
    }

    @Test
    void sleepUntilThePastLeavesTimeAlone() {
        VirtualClock clock = new VirtualClock(Instant.parse("2024-01-01T00:00:00Z"));

        clock.sleepUntil(Instant.parse("2023-01-01T00:00:00Z"));

        assertThat(clock.now()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    }

    @Test
    void advanceMovesForwardOnly() {
        VirtualClock clock = new VirtualClock();

        clock.advance(Duration.ofMinutes(5));

        assertThat(clock.now()).isEqualTo(VirtualClock.DEFAULT_START.plusSeconds(300));
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void systemClockSleepsUntilTheDeadline() throws InterruptedException {
        EngineClock clock = EngineClock.system();
        Instant deadline = clock.now().plusMillis(20);

        clock.sleepUntil(deadline);

        assertThat(clock.now()).isAfterOrEqualTo(deadline);
    }
}
