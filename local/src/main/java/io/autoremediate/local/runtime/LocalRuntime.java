package io.autoremediate.local.runtime;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.EngineClock;
import io.autoremediate.engine.ExecutionListener;
import io.autoremediate.engine.ExecutionRequest;
import io.autoremediate.engine.ExecutionResult;
import io.autoremediate.engine.FunctionRegistry;
import io.autoremediate.engine.StateMachineDefinition;
import io.autoremediate.engine.StateMachineEngine;
import io.autoremediate.engine.TaskTokenListener;
import io.autoremediate.functions.handlers.CheckAlarmHandler;
import io.autoremediate.functions.handlers.GuardHandler;
import io.autoremediate.functions.handlers.NotifyHandler;
import io.autoremediate.functions.handlers.PollCommandHandler;
import io.autoremediate.functions.handlers.ResolveScriptHandler;
import io.autoremediate.functions.handlers.SendCommandHandler;
import io.autoremediate.functions.incident.ExecutionNames;
import io.autoremediate.functions.notify.EscalationReason;
import io.autoremediate.functions.intake.ExecutionInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The remediation state machine on this machine: the same definition and the same handlers as in AWS, on
 * the embedded engine, with the handlers bound in-process to local adapters.
 */
public final class LocalRuntime {

    public static final String STATE_MACHINE_NAME = "autoremediate-remediation";
    static final String BUNDLED_DEFINITION = "/statemachine/remediation.asl.json";

    private final StateMachineDefinition definition;
    private final StateMachineEngine engine;
    private final LocalExecutionRegistry registry;

    public LocalRuntime(StateMachineTemplate template, LocalAdapters adapters, EngineClock clock) {
        this.definition = StateMachineDefinition.parse(template.fill(localArns()));
        this.registry = new LocalExecutionRegistry(clock);
        this.engine = new StateMachineEngine(bind(adapters, registry), clock);
    }

    /** The definition this build ships (a copy of {@code statemachine/remediation.asl.json}). */
    public static StateMachineTemplate bundledTemplate() {
        try (InputStream in = LocalRuntime.class.getResourceAsStream(BUNDLED_DEFINITION)) {
            if (in == null) {
                throw new IllegalStateException("the build did not bundle " + BUNDLED_DEFINITION);
            }
            return new StateMachineTemplate(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs one alarm event to the end as the intake starts it in AWS: named for the alarm change, with the
     * event and the settings as input.
     *
     * @throws DuplicateExecutionException when that alarm change was handled already
     */
    public ExecutionResult handle(JsonNode alarmEvent, JsonNode settings, ExecutionListener listener) {
        return run(ExecutionNames.forEvent(alarmEvent), ExecutionInput.of(alarmEvent, settings), listener);
    }

    /** Runs an execution to its end on this thread. @throws DuplicateExecutionException when the name was used */
    public ExecutionResult run(String executionName, JsonNode input, ExecutionListener listener) {
        register(executionName);
        return execute(executionName, input, listener);
    }

    /**
     * Starts an execution on {@code executor} and returns at once, as StartExecution does; the name is taken
     * before this returns, so a duplicate is refused here and not later.
     *
     * @throws DuplicateExecutionException when the name was used already
     */
    public CompletableFuture<ExecutionResult> start(String executionName, JsonNode input, ExecutionListener listener,
                                                    Executor executor) {
        register(executionName);
        return CompletableFuture.supplyAsync(() -> execute(executionName, input, listener), executor);
    }

    private void register(String executionName) {
        if (!registry.register(executionName)) {
            throw new DuplicateExecutionException(executionName);
        }
    }

    private ExecutionResult execute(String executionName, JsonNode input, ExecutionListener listener) {
        try {
            return engine.execute(definition, new ExecutionRequest(STATE_MACHINE_NAME, executionName, input), listener);
        } finally {
            registry.ended(executionName);
        }
    }

    /**
     * Hears each approval request (any task token) once its Task waits, on the executing thread; the
     * listener may answer at once through {@link #approve} or {@link #deny}.
     */
    public void onApprovalRequest(TaskTokenListener listener) {
        engine.addTaskTokenListener(listener);
    }

    /** Approves the remediation waiting with this token, as SendTaskSuccess does. */
    public void approve(String taskToken, JsonNode answer) {
        engine.sendTaskSuccess(taskToken, answer);
    }

    /** Denies the remediation waiting with this token: its approval Task fails with {@link EscalationReason#DENIED}. */
    public void deny(String taskToken, String reason) {
        engine.sendTaskFailure(taskToken, EscalationReason.DENIED, reason);
    }

    /** The executions this runtime started, as the guard sees them. */
    public LocalExecutionRegistry executions() {
        return registry;
    }

    static Map<String, String> localArns() {
        Map<String, String> arns = new LinkedHashMap<>();
        for (RemediationFunction function : RemediationFunction.values()) {
            arns.put(function.placeholder(), function.localArn());
        }
        return arns;
    }

    private static FunctionRegistry bind(LocalAdapters adapters, LocalExecutionRegistry executions) {
        Map<RemediationFunction, RequestStreamHandler> handlers = new EnumMap<>(RemediationFunction.class);
        handlers.put(RemediationFunction.RESOLVE_SCRIPT, new ResolveScriptHandler(adapters.runbooks()));
        handlers.put(RemediationFunction.SEND_COMMAND, new SendCommandHandler(adapters.runbooks(), adapters.commands()));
        handlers.put(RemediationFunction.POLL_COMMAND, new PollCommandHandler(adapters.commands()));
        handlers.put(RemediationFunction.CHECK_ALARM, new CheckAlarmHandler(adapters.alarms()));
        handlers.put(RemediationFunction.GUARD, new GuardHandler(executions));
        handlers.put(RemediationFunction.NOTIFY, new NotifyHandler(adapters.channels()));
        FunctionRegistry registry = new FunctionRegistry();
        handlers.forEach((function, handler) -> registry.bind(function.functionName(),
                new JavaHandlerFunction(function.functionName(), function.localArn(), handler)));
        return registry;
    }
}
