package io.autoremediate.local.cloudwatch;

import java.time.Instant;
import java.util.Objects;

/** One aggregated datapoint: the statistic's value over the period that starts at {@code timestamp}. */
public record Datapoint(Instant timestamp, double value, long sampleCount) {

    public Datapoint {
        Objects.requireNonNull(timestamp, "timestamp");
        if (sampleCount < 1) {
            throw new IllegalArgumentException("a datapoint aggregates at least one sample, got " + sampleCount);
        }
    }
}
