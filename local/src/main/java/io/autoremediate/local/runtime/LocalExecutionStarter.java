package io.autoremediate.local.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.ExecutionListener;
import io.autoremediate.engine.ExecutionResult;
import io.autoremediate.functions.intake.ExecutionStarter;
import io.autoremediate.functions.intake.StartedExecution;
import io.autoremediate.local.json.LocalJson;
import java.io.IOException;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * StartExecution for the local runtime, so the local event rule feeds the same intake code as in AWS:
 * executions run on the runtime's threads, and a name used before is reported as a duplicate.
 */
public final class LocalExecutionStarter implements ExecutionStarter {

    private final LocalRuntime runtime;
    private final Function<JsonNode, ExecutionListener> listeners;
    private final BiConsumer<JsonNode, ExecutionResult> whenEnded;

    /**
     * @param listeners a listener for each execution, given its input
     * @param whenEnded told of each execution's input and result when it ends (null when it broke the runtime)
     */
    public LocalExecutionStarter(LocalRuntime runtime, Function<JsonNode, ExecutionListener> listeners,
                                 BiConsumer<JsonNode, ExecutionResult> whenEnded) {
        this.runtime = runtime;
        this.listeners = listeners;
        this.whenEnded = whenEnded;
    }

    @Override
    public StartedExecution start(String executionName, String inputJson) {
        JsonNode input;
        try {
            input = LocalJson.MAPPER.readTree(inputJson);
        } catch (IOException e) {
            throw new IllegalArgumentException("execution input is not JSON: " + e.getMessage(), e);
        }
        String arn = runtime.arns().execution(LocalRuntime.STATE_MACHINE_NAME, executionName);
        try {
            runtime.start(executionName, input, listeners.apply(input))
                    .whenComplete((result, failure) -> whenEnded.accept(input, result));
            return new StartedExecution(executionName, arn, false);
        } catch (DuplicateExecutionException e) {
            return new StartedExecution(executionName, arn, true);
        }
    }
}
