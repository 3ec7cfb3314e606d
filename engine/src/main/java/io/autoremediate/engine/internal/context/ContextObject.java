package io.autoremediate.engine.internal.context;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.internal.json.Json;
import io.autoremediate.engine.internal.json.Timestamps;
import java.time.Instant;

/**
 * Builds the context object ({@code $$}, Step Functions "Context object") a state sees. One per execution:
 * its {@code Execution} and {@code StateMachine} objects are the same for every state, so they are built once,
 * on first use, and shared by every context object of the execution, as is the execution input inside them
 * (JSON values are not mutated once built, see {@link Json}).
 */
public final class ContextObject {
    private final ExecutionIdentity identity;
    // Built on first use by the thread advancing the execution (it holds the step lock, which publishes them).
    private ObjectNode execution;
    private ObjectNode stateMachine;

    public ContextObject(ExecutionIdentity identity) {
        this.identity = identity;
    }

    public ObjectNode forState(String stateName, Instant enteredTime, int retryCount) {
        ObjectNode context = Json.object();
        context.set("Execution", execution());
        ObjectNode state = context.putObject("State");
        state.put("EnteredTime", Timestamps.format(enteredTime));
        state.put("Name", stateName);
        state.put("RetryCount", retryCount);
        context.set("StateMachine", stateMachine());
        return context;
    }

    private ObjectNode execution() {
        if (execution == null) {
            ObjectNode built = Json.object();
            built.put("Id", identity.executionArn());
            built.set("Input", identity.input());
            built.put("Name", identity.executionName());
            built.put("RoleArn", identity.roleArn());
            built.put("StartTime", Timestamps.format(identity.startTime()));
            built.put("RedriveCount", 0);
            execution = built;
        }
        return execution;
    }

    private ObjectNode stateMachine() {
        if (stateMachine == null) {
            ObjectNode built = Json.object();
            built.put("Id", identity.stateMachineArn());
            built.put("Name", identity.stateMachineName());
            stateMachine = built;
        }
        return stateMachine;
    }

    /** The context of a callback Task's attempt: the state's context plus {@code Task.Token}. */
    public static ObjectNode withTaskToken(JsonNode stateContext, String token) {
        ObjectNode context = shallowCopy(stateContext);
        context.putObject("Task").put("Token", token);
        return context;
    }

    /** The context a Map state's ItemSelector sees: the state's context plus {@code Map.Item}. */
    public static ObjectNode withMapItem(JsonNode stateContext, int index, JsonNode value) {
        ObjectNode context = shallowCopy(stateContext);
        ObjectNode item = context.putObject("Map").putObject("Item");
        item.put("Index", index);
        item.set("Value", value);
        return context;
    }

    /** A new top-level object sharing the members of {@code context}, so adding a member leaves it alone. */
    private static ObjectNode shallowCopy(JsonNode context) {
        ObjectNode copy = Json.object();
        context.properties().forEach(member -> copy.set(member.getKey(), member.getValue()));
        return copy;
    }
}
