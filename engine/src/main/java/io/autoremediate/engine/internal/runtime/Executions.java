package io.autoremediate.engine.internal.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.ExecutionListener;
import io.autoremediate.engine.internal.states.StateGraph;
import java.time.Instant;
import java.util.UUID;
import io.autoremediate.engine.internal.context.EngineEnvironment;
import io.autoremediate.engine.internal.context.ExecutionIdentity;

/** Creates executions: names them, fixes their identity and deadline, and records ExecutionStarted. */
public final class Executions {
    private Executions() {
    }

    /** A generated execution name (a UUID drawn from the engine's random source). */
    public static String generatedName(EngineEnvironment environment) {
        return new UUID(environment.random().nextLong(), environment.random().nextLong()).toString();
    }

    /** The ARN an execution of that state machine with that name gets. */
    public static String executionArn(EngineEnvironment environment, String stateMachineName, String name) {
        return ExecutionIdentity.executionArn(environment.region(), environment.account(), stateMachineName, name);
    }

    /**
     * Starts an execution positioned at StartAt, with ExecutionStarted recorded.
     *
     * @param timeoutSeconds the state machine's TimeoutSeconds, or {@code null}
     */
    public static Execution start(EngineEnvironment environment, StateGraph graph, Integer timeoutSeconds,
                                  String stateMachineName, String name, JsonNode input, ExecutionListener listener) {
        Instant startTime = environment.clock().now();
        ExecutionIdentity identity = new ExecutionIdentity(executionArn(environment, stateMachineName, name), name,
                ExecutionIdentity.stateMachineArn(environment.region(), environment.account(), stateMachineName),
                stateMachineName, input, startTime, environment.roleArn());
        Instant deadline = timeoutSeconds == null ? null : startTime.plusSeconds(timeoutSeconds);
        HistoryLog history = new HistoryLog(environment.clock(), listener, environment.historyEventLimit());
        return Execution.start(new Interpreter(environment, identity, history, deadline), graph);
    }
}
