package io.autoremediate.local.sfn.execution;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.HistoryEvent;
import java.util.List;
import java.util.Optional;

/**
 * What the Step Functions API needs from whatever runs executions: start one and return at once, then
 * describe, read the history of, stop and list them, and answer their task tokens. Names follow the engine's
 * rule (once per state machine). {@link RuntimeExecutionBackend} is the implementation.
 */
public interface ExecutionBackend extends AutoCloseable {

    /**
     * Starts an execution and returns its first view; the same name and input while it runs return it.
     *
     * @throws io.autoremediate.engine.ExecutionAlreadyExistsException when the name is taken otherwise
     */
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

    /**
     * SendTaskSuccess.
     *
     * @throws io.autoremediate.engine.TaskTokenException when the token is refused (its error code names why)
     */
    void sendTaskSuccess(String taskToken, JsonNode output);

    /** SendTaskFailure; refusals as {@link #sendTaskSuccess}. */
    void sendTaskFailure(String taskToken, String error, String cause);

    /** SendTaskHeartbeat; refusals as {@link #sendTaskSuccess}. */
    void sendTaskHeartbeat(String taskToken);

    /** Stops taking work; what still runs is left where it is persisted. */
    @Override
    void close();
}
