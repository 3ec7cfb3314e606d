package io.autoremediate.engine.internal.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.internal.json.Json;
import io.autoremediate.engine.internal.json.Timestamps;
import java.time.Instant;

/** Builds the context object ({@code $$}, Step Functions "Context object") a state sees. */
public final class ContextObject {
    private ContextObject() {
    }

    public static ObjectNode forState(ExecutionIdentity identity, String stateName, Instant enteredTime,
                                      int retryCount) {
        ObjectNode context = Json.object();
        ObjectNode execution = context.putObject("Execution");
        execution.put("Id", identity.executionArn());
        execution.set("Input", identity.input().deepCopy());
        execution.put("Name", identity.executionName());
        execution.put("RoleArn", identity.roleArn());
        execution.put("StartTime", Timestamps.format(identity.startTime()));
        execution.put("RedriveCount", 0);
        ObjectNode state = context.putObject("State");
        state.put("EnteredTime", Timestamps.format(enteredTime));
        state.put("Name", stateName);
        state.put("RetryCount", retryCount);
        ObjectNode machine = context.putObject("StateMachine");
        machine.put("Id", identity.stateMachineArn());
        machine.put("Name", identity.stateMachineName());
        return context;
    }

    /** The context of a callback Task's attempt: the state's context plus {@code Task.Token}. */
    public static ObjectNode withTaskToken(JsonNode stateContext, String token) {
        ObjectNode context = (ObjectNode) stateContext.deepCopy();
        context.putObject("Task").put("Token", token);
        return context;
    }

    /** The context a Map state's ItemSelector sees: the state's context plus {@code Map.Item}. */
    public static ObjectNode withMapItem(JsonNode stateContext, int index, JsonNode value) {
        ObjectNode context = (ObjectNode) stateContext.deepCopy();
        ObjectNode item = context.putObject("Map").putObject("Item");
        item.put("Index", index);
        item.set("Value", value.deepCopy());
        return context;
    }
}
