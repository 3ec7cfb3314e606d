package io.autoremediate.engine.internal.retry;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * One element of a Retry field (States Language spec, "Retrying after error"): after the
 * {@code n}-th failure matching {@code errorEquals} (n from 0), wait
 * {@code intervalSeconds * backoffRate^n}, capped at {@code maxDelaySeconds} and jittered, up to
 * {@code maxAttempts} times.
 */
public record Retrier(List<String> errorEquals, int intervalSeconds, int maxAttempts, double backoffRate,
                      Integer maxDelaySeconds, JitterStrategy jitterStrategy) {
    public static final int DEFAULT_INTERVAL_SECONDS = 1;
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final double DEFAULT_BACKOFF_RATE = 2.0;

    /** JitterStrategy: FULL draws the delay uniformly from zero to the computed delay. */
    public enum JitterStrategy { FULL, NONE }

    public Retrier {
        errorEquals = List.copyOf(errorEquals);
        if (errorEquals.isEmpty()) {
            throw new IllegalArgumentException("ErrorEquals must not be empty");
        }
        if (intervalSeconds < 1 || maxAttempts < 0 || backoffRate < 1.0) {
            throw new IllegalArgumentException("invalid retry policy");
        }
        Objects.requireNonNull(jitterStrategy, "jitterStrategy");
    }

    /** Whether a retry is left after {@code attemptsSoFar} retries by this retrier. */
    public boolean hasAttemptsLeft(int attemptsSoFar) {
        return attemptsSoFar < maxAttempts;
    }

    /** The delay before retry number {@code attemptsSoFar + 1}. */
    public Duration delayBefore(int attemptsSoFar, Random random) {
        double seconds = intervalSeconds * Math.pow(backoffRate, attemptsSoFar);
        if (maxDelaySeconds != null) {
            seconds = Math.min(seconds, maxDelaySeconds);
        }
        if (jitterStrategy == JitterStrategy.FULL) {
            seconds = random.nextDouble() * seconds;
        }
        return Duration.ofNanos(Math.round(seconds * 1_000_000_000d));
    }
}
