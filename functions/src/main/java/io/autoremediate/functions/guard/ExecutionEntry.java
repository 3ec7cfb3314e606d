package io.autoremediate.functions.guard;

import java.time.Instant;
import java.util.Objects;

/** One execution of the remediation state machine, as ListExecutions lists it. */
public record ExecutionEntry(String name, ExecutionState state, Instant startDate) {

    public ExecutionEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startDate, "startDate");
    }

    /** Step Functions' execution statuses, as far as the guard cares. */
    public enum ExecutionState {
        RUNNING,
        ENDED
    }
}
