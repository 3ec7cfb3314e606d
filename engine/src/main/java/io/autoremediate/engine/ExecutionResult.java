package io.autoremediate.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.runtime.HistoryLog;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How an execution ended, as DescribeExecution and GetExecutionHistory report it.
 *
 * @param output the execution output, {@code null} unless SUCCEEDED
 * @param error  the error name when FAILED or TIMED_OUT, else {@code null}
 * @param cause  the cause when FAILED or TIMED_OUT, else {@code null}
 */
public record ExecutionResult(String executionArn, ExecutionStatus status, JsonNode output, String error,
                              String cause, List<HistoryEvent> history, Instant startDate, Instant stopDate) {
    public ExecutionResult {
        Objects.requireNonNull(executionArn, "executionArn");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startDate, "startDate");
        // An engine's history snapshot is read-only already, and copying it would make every event at once.
        history = HistoryLog.isSnapshot(history) ? history : List.copyOf(history);
        output = output == null ? null : output.deepCopy();
        if (status != ExecutionStatus.SUCCEEDED && output != null) {
            throw new IllegalArgumentException("only a SUCCEEDED execution has an output");
        }
    }
}
