package io.autoremediate.local.sfn.execution;

import io.autoremediate.engine.HistoryEvent;
import java.util.List;
import java.util.Optional;

/**
 * What the Step Functions API needs from whatever runs executions: start one and return at once, then
 * describe, read the history of, stop and list them. Name uniqueness is the caller's rule; a backend only
 * keeps what it is given. The first implementation runs the engine on a thread pool; a durable runtime
 * can take its place without the API noticing.
 */
public interface ExecutionBackend extends AutoCloseable {

    /** Starts an execution (its ARN not used before) and returns its first view, RUNNING. */
    ExecutionView start(ExecutionStart start);

    Optional<ExecutionView> describe(String executionArn);

    /** The history so far, oldest first; a running execution's grows as it runs. Empty if unknown. */
    List<HistoryEvent> history(String executionArn);

    /**
     * Aborts a running execution with an ExecutionAborted event carrying {@code error} and {@code cause}
     * (each may be null). A closed one is left as it is. Empty when unknown.
     */
    Optional<ExecutionView> stop(String executionArn, String error, String cause);

    /** The executions of one state machine, or of all when {@code stateMachineArn} is null, newest first. */
    List<ExecutionView> list(String stateMachineArn);

    /** Stops taking work and aborts what is still running. */
    @Override
    void close();
}
