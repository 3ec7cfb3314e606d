package io.autoremediate.local.sfn.execution;

import io.autoremediate.engine.ExecutionStatus;
import java.time.Instant;

/**
 * One execution as DescribeExecution reports it, at one moment.
 *
 * @param sequence increases with every start, so listings page stably while executions start
 * @param output   the output JSON text when SUCCEEDED, else null
 */
public record ExecutionView(long sequence, String executionArn, String name, String stateMachineArn,
                            ExecutionStatus status, Instant startDate, Instant stopDate, String input,
                            String output, String error, String cause) {

    public boolean running() {
        return status == ExecutionStatus.RUNNING;
    }
}
