package io.autoremediate.engine;

import java.time.Instant;
import java.util.Objects;

/**
 * One execution as ListExecutions lists it: no input, output or history, so listing many is cheap.
 *
 * @param stopDate when it ended, {@code null} while RUNNING
 */
public record ExecutionSummary(String executionArn, String name, String stateMachineArn, ExecutionStatus status,
                               Instant startDate, Instant stopDate) {
    public ExecutionSummary {
        Objects.requireNonNull(executionArn, "executionArn");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stateMachineArn, "stateMachineArn");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startDate, "startDate");
    }
}
