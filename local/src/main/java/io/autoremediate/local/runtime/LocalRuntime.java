package io.autoremediate.local.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.EngineClock;
import io.autoremediate.engine.ExecutionDoesNotExistException;
import io.autoremediate.engine.ExecutionListener;
import io.autoremediate.engine.ExecutionRequest;
import io.autoremediate.engine.ExecutionResult;
import io.autoremediate.engine.ExecutionRuntime;
import io.autoremediate.engine.FunctionRegistry;
import io.autoremediate.engine.LambdaFunction;
import io.autoremediate.engine.StateMachineDefinition;
import io.autoremediate.engine.TaskTokenListener;
import io.autoremediate.functions.guard.ExecutionLedger;
import io.autoremediate.functions.incident.ExecutionNames;
import io.autoremediate.functions.intake.ExecutionInput;
import io.autoremediate.functions.notify.EscalationReason;
import io.autoremediate.local.arn.LocalArns;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * The one local runtime that {@code demo}, {@code replay}, {@code execute}, {@code serve} and the tests compose:
 * the engine's {@link ExecutionRuntime}, with the remediation state machine's six handlers bound in process to
 * local adapters (the guard reading this runtime's own executions), any further functions by name, and, given
 * a data folder, a journal from which a runtime built again on it resumes what was left running.
 */
public final class LocalRuntime implements AutoCloseable {

    public static final String STATE_MACHINE_NAME = "autoremediate-remediation";
    static final String BUNDLED_DEFINITION = "/statemachine/remediation.asl.json";
    /** Tasks here block a thread while they spawn bash or touch files, so a few more than the engine's default. */
    public static final int DEFAULT_THREADS = 16;

    private final LocalArns arns;
    private final FunctionRegistry functions;
    private final ExecutionRuntime runtime;
    private final ExecutionLedger ledger;
    private final StateMachineDefinition remediation;
    private final Map<String, CompletableFuture<ExecutionResult>> completions = new ConcurrentHashMap<>();
    private final Object starting = new Object();

    private LocalRuntime(Builder builder) {
        this.arns = builder.arns;
        this.functions = new FunctionRegistry();
        ExecutionRuntime.Builder engine = ExecutionRuntime.builder(functions, builder.clock).region(arns.region())
                .account(arns.account()).threads(builder.threads).completionListener(this::completed).resumeLater();
        if (builder.journal != null) {
            engine.journal(builder.journal);
        }
        if (builder.clock != EngineClock.system()) {
            // A clock of the tests' kind moves only when told: when every execution waits, time jumps ahead.
            engine.advanceClockWhenIdle();
        }
        this.runtime = engine.build();
        this.ledger = new RuntimeLedger(runtime);
        if (builder.adapters != null) {
            RemediationFunctions.bind(functions, builder.adapters, ledger, arns);
        }
        builder.functions.forEach(functions::bind);
        builder.tokenListeners.forEach(runtime::addTaskTokenListener);
        // Parsed only where the remediation functions are bound: a runtime for other definitions (execute) never
        // runs it, and parsing it loads the Choice and intrinsic machinery a one-Pass definition does not need.
        this.remediation = builder.adapters == null ? null : StateMachineDefinition.parse(
                (builder.template != null ? builder.template : bundledTemplate())
                        .fill(RemediationFunction.placeholders(arns)));
        runtime.resume();
    }

    public static Builder builder() {
        return new Builder();
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
        return await(start(ExecutionNames.forEvent(alarmEvent), ExecutionInput.of(alarmEvent, settings), listener));
    }

    /**
     * Starts an execution of the remediation state machine and returns at once, as StartExecution does. A
     * name is used once here, even while its execution runs (where Step Functions would hand back the running
     * one): the same alarm change delivered twice starts nothing the second time.
     *
     * @throws DuplicateExecutionException when the name was used already
     */
    public CompletableFuture<ExecutionResult> start(String executionName, JsonNode input, ExecutionListener listener) {
        if (remediation == null) {
            throw new IllegalStateException("this runtime binds no remediation functions: build it with adapters");
        }
        String executionArn = arns.execution(STATE_MACHINE_NAME, executionName);
        CompletableFuture<ExecutionResult> completion = new CompletableFuture<>();
        synchronized (starting) {
            if (completions.containsKey(executionArn) || isKnown(executionArn)) {
                throw new DuplicateExecutionException(executionName);
            }
            completions.put(executionArn, completion);
        }
        try {
            runtime.start(remediation, new ExecutionRequest(STATE_MACHINE_NAME, executionName, input), listener);
        } catch (RuntimeException e) {
            completions.remove(executionArn);
            throw e;
        }
        return completion;
    }

    private boolean isKnown(String executionArn) {
        try {
            runtime.describe(executionArn);
            return true;
        } catch (ExecutionDoesNotExistException e) {
            return false;
        }
    }

    /**
     * Runs any definition once to its end: start-and-await on this runtime.
     *
     * @throws io.autoremediate.engine.UnboundFunctionException when a Task's function is not bound
     */
    public ExecutionResult run(StateMachineDefinition definition, ExecutionRequest request, ExecutionListener listener) {
        return runtime.execute(definition, request, listener);
    }

    private static ExecutionResult await(CompletableFuture<ExecutionResult> completion) {
        try {
            return completion.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while an execution ran", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the execution broke the runtime", e.getCause());
        }
    }

    private void completed(ExecutionResult result) {
        CompletableFuture<ExecutionResult> completion = completions.remove(result.executionArn());
        if (completion != null) {
            completion.complete(result);
        }
    }

    /**
     * Hears each approval request (any task token) once its Task waits; the listener may answer at once
     * through {@link #approve} or {@link #deny}.
     */
    public void onApprovalRequest(TaskTokenListener listener) {
        runtime.addTaskTokenListener(listener);
    }

    /** Approves the remediation waiting with this token, as SendTaskSuccess does. */
    public void approve(String taskToken, JsonNode answer) {
        runtime.sendTaskSuccess(taskToken, answer);
    }

    /** Denies the remediation waiting with this token: its approval Task fails with {@link EscalationReason#DENIED}. */
    public void deny(String taskToken, String reason) {
        runtime.sendTaskFailure(taskToken, EscalationReason.DENIED, reason);
    }

    /** The executions this runtime holds, as the guard sees them. */
    public ExecutionLedger executions() {
        return ledger;
    }

    /** The engine's runtime underneath, for the Step Functions API. */
    public ExecutionRuntime executionRuntime() {
        return runtime;
    }

    /** The functions Tasks invoke here, by name. */
    public FunctionRegistry functions() {
        return functions;
    }

    public LocalArns arns() {
        return arns;
    }

    /** Stops the threads; with a journal, what still runs is resumed by the next runtime on the same folder. */
    @Override
    public void close() {
        runtime.close();
    }

    /** What a runtime is made of; everything but the adapters has a default. */
    public static final class Builder {
        private LocalAdapters adapters;
        private StateMachineTemplate template;
        private EngineClock clock = EngineClock.system();
        private LocalArns arns = LocalArns.LOCAL;
        private int threads = DEFAULT_THREADS;
        private Path journal;
        private final Map<String, LambdaFunction> functions = new LinkedHashMap<>();
        private final List<TaskTokenListener> tokenListeners = new ArrayList<>();

        private Builder() {
        }

        /** Binds the remediation functions to these adapters; without, only {@link #function} bindings exist. */
        public Builder adapters(LocalAdapters value) {
            this.adapters = Objects.requireNonNull(value, "adapters");
            return this;
        }

        /** The remediation definition to fill (the bundled one unless told). */
        public Builder template(StateMachineTemplate value) {
            this.template = Objects.requireNonNull(value, "template");
            return this;
        }

        /** The system clock unless told; any other clock is jumped ahead whenever every execution waits. */
        public Builder clock(EngineClock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** The region and account in every ARN. */
        public Builder arns(LocalArns value) {
            this.arns = Objects.requireNonNull(value, "arns");
            return this;
        }

        /** How many executions advance (or Tasks run) at once; waiting ones take none. */
        public Builder threads(int value) {
            this.threads = value;
            return this;
        }

        /** Journals every execution in this folder and resumes, when built, what a runtime left RUNNING there. */
        public Builder journal(Path directory) {
            this.journal = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** Binds a further function by name, over a remediation function of the same name. */
        public Builder function(String name, LambdaFunction function) {
            functions.put(name, function);
            return this;
        }

        public Builder functions(Map<String, LambdaFunction> value) {
            functions.putAll(value);
            return this;
        }

        /** Hears every task token once its Task waits for it (resumed executions' included). */
        public Builder taskTokenListener(TaskTokenListener value) {
            tokenListeners.add(Objects.requireNonNull(value, "taskTokenListener"));
            return this;
        }

        public LocalRuntime build() {
            return new LocalRuntime(this);
        }
    }
}
