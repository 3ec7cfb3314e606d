package io.autoremediate.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * An execution as DescribeExecution reports it (no history; see {@link ExecutionRuntime#history}).
 *
 * @param output    the output once SUCCEEDED, else {@code null}
 * @param error     the error once FAILED, TIMED_OUT or ABORTED with one, else {@code null}
 * @param cause     the cause, likewise
 * @param stopDate  when it ended, {@code null} while RUNNING
 */
public record ExecutionDescription(String executionArn, String name, String stateMachineArn,
                                   String stateMachineName, ExecutionStatus status, JsonNode input,
                                   JsonNode output, String error, String cause, Instant startDate,
                                   Instant stopDate) {
    public ExecutionDescription {
        Objects.requireNonNull(executionArn, "executionArn");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stateMachineArn, "stateMachineArn");
        Objects.requireNonNull(stateMachineName, "stateMachineName");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(startDate, "startDate");
        input = input.deepCopy();
        output = output == null ? null : output.deepCopy();
    }
}
