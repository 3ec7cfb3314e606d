package io.autoremediate.engine;

import java.time.Instant;
import java.util.Objects;

/** What {@link ExecutionRuntime#start} returns, as StartExecution does: the execution's ARN and start date. */
public record ExecutionHandle(String executionArn, Instant startDate) {
    public ExecutionHandle {
        Objects.requireNonNull(executionArn, "executionArn");
        Objects.requireNonNull(startDate, "startDate");
    }
}
