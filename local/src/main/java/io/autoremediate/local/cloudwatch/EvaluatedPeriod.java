package io.autoremediate.local.cloudwatch;

import java.time.Instant;
import java.util.Objects;

/** One period of an alarm's evaluation range: its start and its datapoint, or {@code null} when none arrived. */
record EvaluatedPeriod(Instant start, Datapoint datapoint) {

    EvaluatedPeriod {
        Objects.requireNonNull(start, "start");
    }

    boolean isMissing() {
        return datapoint == null;
    }
}
