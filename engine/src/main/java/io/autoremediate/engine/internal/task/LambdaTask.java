package io.autoremediate.engine.internal.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.LambdaFunction;
import io.autoremediate.engine.internal.errors.RuntimeFailure;
import io.autoremediate.engine.internal.errors.StatesError;
import io.autoremediate.engine.internal.errors.TaskFailure;
import io.autoremediate.engine.internal.errors.TaskTimeout;
import io.autoremediate.engine.internal.json.Json;
import io.autoremediate.engine.internal.context.EngineEnvironment;
import io.autoremediate.engine.internal.context.StateRun;
import java.util.UUID;

/**
 * One attempt of a Task on a Lambda resource, recording the history events Step Functions records: the
 * LambdaFunction* events for a function ARN, the Task* events (resourceType lambda, resource invoke) for the
 * {@code lambda:invoke} integration.
 */
public final class LambdaTask {
    private static final String RESOURCE_TYPE = "lambda";
    private static final String RESOURCE = "invoke";

    private final StateRun run;
    private final TaskResource resource;
    private final Long timeoutSeconds;

    public LambdaTask(StateRun run, TaskResource resource, Long timeoutSeconds) {
        this.run = run;
        this.resource = resource;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Invokes the function on the effective input; returns the Task's result or throws its error. */
    public JsonNode invoke(JsonNode effectiveInput) {
        if (resource instanceof TaskResource.LambdaArn arn) {
            return invokeFunctionArn(arn, effectiveInput);
        }
        if (resource instanceof TaskResource.LambdaInvoke) {
            return invokeIntegration(effectiveInput);
        }
        throw new RuntimeFailure("This engine cannot run the resource '" + resource.arn() + "'");
    }

    private JsonNode invokeFunctionArn(TaskResource.LambdaArn arn, JsonNode payload) {
        ObjectNode scheduled = Json.object();
        scheduled.put("resource", arn.arn());
        scheduled.put("input", Json.write(payload));
        scheduled.putObject("inputDetails").put("truncated", false);
        if (timeoutSeconds != null) {
            scheduled.put("timeoutInSeconds", timeoutSeconds);
        }
        run.record("LambdaFunctionScheduled", scheduled);
        run.record("LambdaFunctionStarted", Json.object());
        try {
            JsonNode output = LambdaInvoker.invoke(function(arn.functionName()), payload, timeoutSeconds,
                    run.environment().clock());
            ObjectNode succeeded = Json.object();
            succeeded.put("output", Json.write(output));
            succeeded.putObject("outputDetails").put("truncated", false);
            run.record("LambdaFunctionSucceeded", succeeded);
            return output;
        } catch (StatesError e) {
            run.record(e instanceof TaskTimeout ? "LambdaFunctionTimedOut" : "LambdaFunctionFailed", errorDetails(e));
            throw e;
        }
    }

    private JsonNode invokeIntegration(JsonNode parameters) {
        ObjectNode scheduled = Json.object();
        scheduled.put("resourceType", RESOURCE_TYPE);
        scheduled.put("resource", RESOURCE);
        scheduled.put("region", run.environment().region());
        scheduled.put("parameters", Json.write(parameters));
        if (timeoutSeconds != null) {
            scheduled.put("timeoutInSeconds", timeoutSeconds);
        }
        run.record("TaskScheduled", scheduled);
        run.record("TaskStarted", resourceDetails());
        try {
            JsonNode response = invokeWithParameters(run, parameters, timeoutSeconds);
            ObjectNode succeeded = resourceDetails();
            succeeded.put("output", Json.write(response));
            succeeded.putObject("outputDetails").put("truncated", false);
            run.record("TaskSucceeded", succeeded);
            return response;
        } catch (StatesError e) {
            ObjectNode failed = resourceDetails();
            failed.setAll(errorDetails(e));
            run.record(e instanceof TaskTimeout ? "TaskTimedOut" : "TaskFailed", failed);
            throw e;
        }
    }

    /**
     * Invokes the function Parameters.FunctionName names with Parameters.Payload and returns the Invoke
     * response (the lambda:invoke integrations, with or without a task token).
     */
    static JsonNode invokeWithParameters(StateRun run, JsonNode parameters, Long timeoutSeconds) {
        String functionName = parameters.path("FunctionName").asText("");
        String bareName = TaskResource.functionNameOf(functionName).orElseThrow(() -> new TaskFailure(
                "Lambda.InvalidParameterValueException", "Invalid FunctionName: '" + functionName + "'"));
        JsonNode payload = parameters.has("Payload") ? parameters.get("Payload") : Json.NODES.nullNode();
        JsonNode output = LambdaInvoker.invoke(function(run, bareName), payload, timeoutSeconds,
                run.environment().clock());
        return InvokeResponse.wrap(output, randomUuid(run.environment()), run.now());
    }

    private LambdaFunction function(String name) {
        return function(run, name);
    }

    private static LambdaFunction function(StateRun run, String name) {
        return run.environment().functions().find(name).orElseThrow(() -> new TaskFailure(
                "Lambda.ResourceNotFoundException", "Function not found: '" + name
                + "' is not bound to this engine (bind it with FunctionRegistry.bind)"));
    }

    private ObjectNode resourceDetails() {
        return resourceDetails(RESOURCE);
    }

    static ObjectNode resourceDetails(String resource) {
        ObjectNode details = Json.object();
        details.put("resourceType", RESOURCE_TYPE);
        details.put("resource", resource);
        return details;
    }

    static ObjectNode errorDetails(StatesError e) {
        ObjectNode details = Json.object();
        details.put("error", e.errorName());
        details.put("cause", e.errorCause());
        return details;
    }

    private static String randomUuid(EngineEnvironment env) {
        return new UUID(env.random().nextLong(), env.random().nextLong()).toString();
    }
}
