package io.autoremediate.engine.internal.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.internal.definition.FieldReader;
import io.autoremediate.engine.internal.errors.RuntimeFailure;
import io.autoremediate.engine.internal.io.InputOutput;
import io.autoremediate.engine.internal.json.Json;
import io.autoremediate.engine.internal.json.JsonPath;
import io.autoremediate.engine.internal.json.Scope;
import io.autoremediate.engine.internal.retry.ErrorHandling;
import io.autoremediate.engine.internal.retry.ErrorHandlingParser;
import io.autoremediate.engine.internal.context.ContextObject;
import io.autoremediate.engine.internal.task.CallbackTask;
import io.autoremediate.engine.internal.task.LambdaTask;
import io.autoremediate.engine.internal.task.TaskResource;
import java.util.Optional;
import java.util.Set;
import io.autoremediate.engine.internal.context.StateRun;

/**
 * Task (spec "Task State"): runs its Resource on the effective input. This engine runs Lambda functions,
 * by function ARN or through {@code arn:aws:states:::lambda:invoke}, and the callback pattern
 * ({@code lambda:invoke.waitForTaskToken}, which suspends until its task token is answered).
 */
public final class TaskState extends State {
    public static final Set<String> FIELDS = Set.of("Type", "Comment", "Next", "End", "InputPath", "OutputPath",
            "Parameters", "ResultSelector", "ResultPath", "Retry", "Catch", "Resource", "TimeoutSeconds",
            "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials");

    private final TaskResource resource;
    private final JsonNode parametersJson;
    private final Integer timeoutSeconds;
    private final JsonPath timeoutSecondsPath;
    private final Integer heartbeatSeconds;
    private final JsonPath heartbeatSecondsPath;
    private final ErrorHandling errorHandling;

    TaskState(String name, Transition transition, InputOutput io, TaskResource resource, JsonNode parametersJson,
              Integer timeoutSeconds, JsonPath timeoutSecondsPath, Integer heartbeatSeconds,
              JsonPath heartbeatSecondsPath, ErrorHandling errorHandling) {
        super(name, transition, io);
        this.resource = resource;
        this.parametersJson = parametersJson;
        this.timeoutSeconds = timeoutSeconds;
        this.timeoutSecondsPath = timeoutSecondsPath;
        this.heartbeatSeconds = heartbeatSeconds;
        this.heartbeatSecondsPath = heartbeatSecondsPath;
        this.errorHandling = errorHandling;
    }

    public static TaskState parse(String name, FieldReader r, Transition transition) {
        TaskResource resource = r.requiredString("Resource").map(TaskResource::parse)
                .orElse(new TaskResource.Unsupported(""));
        exclusive(r, "TimeoutSeconds", "TimeoutSecondsPath");
        exclusive(r, "HeartbeatSeconds", "HeartbeatSecondsPath");
        Optional<Integer> timeout = r.integer("TimeoutSeconds", 1);
        Optional<Integer> heartbeat = r.integer("HeartbeatSeconds", 1);
        if (timeout.isPresent() && heartbeat.isPresent() && heartbeat.get() >= timeout.get()) {
            r.problem("'HeartbeatSeconds' (" + heartbeat.get() + ") must be smaller than 'TimeoutSeconds' ("
                    + timeout.get() + ")");
        }
        if (r.has("Credentials")) {
            // Accepting it would run the function as the caller while the definition says otherwise.
            r.problem("'Credentials' is not supported by this engine: functions run in process, with no role to "
                    + "assume");
        }
        JsonNode parameters = r.json().get("Parameters");
        if (resource.takesParameters()
                && (parameters == null || !(parameters.has("FunctionName") || parameters.has("FunctionName.$")))) {
            r.problem("'Parameters' must give 'FunctionName' for the resource " + resource.arn());
        }
        return new TaskState(name, transition, r.inputOutput(true, true, true), resource, parameters,
                timeout.orElse(null), r.path("TimeoutSecondsPath", true).orElse(null), heartbeat.orElse(null),
                r.path("HeartbeatSecondsPath", true).orElse(null), ErrorHandlingParser.parse(r));
    }

    private static void exclusive(FieldReader r, String a, String b) {
        if (r.has(a) && r.has(b)) {
            r.problem("'" + a + "' and '" + b + "' are mutually exclusive");
        }
    }

    @Override
    public String type() {
        return "Task";
    }

    public TaskResource resource() {
        return resource;
    }

    /**
     * The bare name of the function this Task invokes, when the definition fixes it; empty for a
     * {@code FunctionName.$} chosen at run time or an unsupported resource.
     */
    public Optional<String> staticFunctionName() {
        if (resource instanceof TaskResource.LambdaArn arn) {
            return Optional.of(arn.functionName());
        }
        if (resource.takesParameters() && parametersJson != null
                && parametersJson.path("FunctionName").isTextual()) {
            return TaskResource.functionNameOf(parametersJson.get("FunctionName").textValue());
        }
        return Optional.empty();
    }

    @Override
    public ErrorHandling errorHandling() {
        return errorHandling;
    }

    @Override
    public Outcome run(StateRun run) {
        if (resource instanceof TaskResource.LambdaInvokeWaitForTaskToken) {
            return submitForCallback(run);
        }
        Scope scope = run.scope();
        JsonNode effective = io().effectiveInput(run.input(), scope);
        Long timeout = resolveSeconds(timeoutSeconds, timeoutSecondsPath, "TimeoutSecondsPath", scope);
        JsonNode result = new LambdaTask(run, resource, timeout).invoke(effective);
        return new Outcome.Proceed(io().output(run.input(), result, scope));
    }

    /** Issues a task token ({@code $$.Task.Token}), invokes the function, and suspends until it is answered. */
    private Outcome submitForCallback(StateRun run) {
        String token = run.taskTokens().issue(name());
        Scope scope = run.scope().withContext(ContextObject.withTaskToken(run.scope().context(), token));
        JsonNode effective = io().effectiveInput(run.input(), scope);
        Long timeout = resolveSeconds(timeoutSeconds, timeoutSecondsPath, "TimeoutSecondsPath", scope);
        Long heartbeat = resolveSeconds(heartbeatSeconds, heartbeatSecondsPath, "HeartbeatSecondsPath", scope);
        ObjectNode wait = new CallbackTask(run).submit(effective, token, timeout, heartbeat);
        return new Outcome.Suspend(CallbackTask.wakeAt(wait, run.now()), wait);
    }

    @Override
    public Outcome resume(StateRun run) {
        JsonNode wait = run.carried();
        Optional<JsonNode> result = new CallbackTask(run).resume(wait);
        if (result.isEmpty()) {
            return new Outcome.Suspend(CallbackTask.wakeAt(wait, run.now()), wait);
        }
        return new Outcome.Proceed(io().output(run.input(), result.get(), run.scope()));
    }

    private static Long resolveSeconds(Integer seconds, JsonPath path, String field, Scope scope) {
        if (seconds != null) {
            return seconds.longValue();
        }
        if (path == null) {
            return null;
        }
        JsonNode value = path.read(scope.rootFor(path)).orElseThrow(() ->
                new RuntimeFailure("Invalid path '" + path.text() + "' : No results for path: "
                        + path.bracketNotation() + " (" + field + ")"));
        if (!value.isIntegralNumber() || value.longValue() < 1) {
            throw new RuntimeFailure("The " + field + " parameter does not reference a positive integer: "
                    + Json.write(value));
        }
        return value.longValue();
    }
}
