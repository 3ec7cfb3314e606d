package io.autoremediate.engine.internal.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoremediate.engine.internal.errors.ErrorMatcher;
import io.autoremediate.engine.internal.errors.IntrinsicFailure;
import io.autoremediate.engine.internal.errors.RuntimeFailure;
import io.autoremediate.engine.internal.errors.StatesError;
import io.autoremediate.engine.internal.errors.TaskFailure;
import io.autoremediate.engine.internal.errors.TaskTimeout;
import io.autoremediate.engine.internal.io.InputOutput;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ErrorHandlingTest {
    private static final StatesError TASK = new TaskFailure("Custom.Error", "c");
    private static final StatesError TIMEOUT = new TaskTimeout("t");
    private static final StatesError RUNTIME = new RuntimeFailure("r");

    @Test
    void errorEqualsMatchesByName() {
        assertThat(ErrorMatcher.matches(List.of("Other", "Custom.Error"), TASK)).isTrue();
        assertThat(ErrorMatcher.matches(List.of("Other"), TASK)).isFalse();
    }

    @Test
    void taskFailedMatchesTaskErrorsButNotTimeoutsOrIntrinsicFailures() {
        assertThat(ErrorMatcher.matches(List.of("States.TaskFailed"), TASK)).isTrue();
        assertThat(ErrorMatcher.matches(List.of("States.TaskFailed"), TIMEOUT)).isFalse();
        assertThat(ErrorMatcher.matches(List.of("States.TaskFailed"), new IntrinsicFailure("x"))).isFalse();
        assertThat(ErrorMatcher.matches(List.of("States.Timeout"), TIMEOUT)).isTrue();
    }

    @Test
    void statesAllMatchesEverythingButStatesRuntime() {
        assertThat(ErrorMatcher.matches(List.of("States.ALL"), TASK)).isTrue();
        assertThat(ErrorMatcher.matches(List.of("States.ALL"), TIMEOUT)).isTrue();
        assertThat(ErrorMatcher.matches(List.of("States.ALL"), RUNTIME)).isFalse();
        assertThat(ErrorMatcher.matches(List.of("States.Runtime"), RUNTIME)).isFalse();
    }

    @Test
    void specDefaultsAreOneSecondThreeAttemptsAndDoubling() {
        assertThat(Retrier.DEFAULT_INTERVAL_SECONDS).isEqualTo(1);
        assertThat(Retrier.DEFAULT_MAX_ATTEMPTS).isEqualTo(3);
        assertThat(Retrier.DEFAULT_BACKOFF_RATE).isEqualTo(2.0);
    }

    @Test
    void fractionalBackoffGivesFractionalDelays() {
        Retrier retrier = new Retrier(List.of("E"), 1, 5, 1.5, null, Retrier.JitterStrategy.NONE);

        assertThat(retrier.delayBefore(1, new Random())).isEqualTo(Duration.ofMillis(1500));
        assertThat(retrier.delayBefore(2, new Random())).isEqualTo(Duration.ofMillis(2250));
    }

    @Test
    void decisionRetriesThenCatchesThenPropagates() {
        Catcher catcher = new Catcher(List.of("States.ALL"), "Fallback", InputOutput.ROOT);
        ErrorHandling handling = new ErrorHandling(
                List.of(new Retrier(List.of("Custom.Error"), 2, 1, 2.0, null, Retrier.JitterStrategy.NONE)),
                List.of(catcher));

        assertThat(handling.decide(TASK, List.of(), new Random()))
                .isEqualTo(new ErrorHandling.Decision.Retry(0, Duration.ofSeconds(2)));
        assertThat(handling.decide(TASK, List.of(1), new Random()))
                .isEqualTo(new ErrorHandling.Decision.Catch(catcher));
        assertThat(handling.decide(RUNTIME, List.of(), new Random()))
                .isEqualTo(new ErrorHandling.Decision.Propagate());
    }
}
