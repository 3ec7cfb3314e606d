package io.autoremediate.engine;

import io.autoremediate.engine.internal.runtime.EngineEnvironment;
import io.autoremediate.engine.internal.runtime.Execution;
import io.autoremediate.engine.internal.runtime.Executions;
import io.autoremediate.engine.internal.runtime.HistoryLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * Runs state machine executions in process, invoking Tasks' Lambda functions from a {@link FunctionRegistry}
 * and taking all time from an {@link EngineClock}.
 */
public final class StateMachineEngine {
    public static final String DEFAULT_REGION = "local";
    public static final String DEFAULT_ACCOUNT = "000000000000";

    private final EngineEnvironment environment;

    public StateMachineEngine(FunctionRegistry functions, EngineClock clock) {
        this(builder(functions, clock).environment());
    }

    private StateMachineEngine(EngineEnvironment environment) {
        this.environment = environment;
    }

    public static Builder builder(FunctionRegistry functions, EngineClock clock) {
        return new Builder(functions, clock);
    }

    /**
     * Runs an execution to its end on the caller's thread, waiting on the clock for Waits and retry backoff.
     *
     * @throws UnboundFunctionException when a Task's function is not bound (checked before anything runs)
     */
    public ExecutionResult execute(StateMachineDefinition definition, ExecutionRequest request,
                                   ExecutionListener listener) {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(request, "request");
        List<String> unbound = unboundFunctions(definition, environment.functions());
        if (!unbound.isEmpty()) {
            throw new UnboundFunctionException(unbound);
        }
        Execution execution = start(definition, request, listener == null ? ExecutionListener.NONE : listener);
        while (!execution.isFinished()) {
            Optional<Instant> wake = execution.wakeAt();
            if (wake.isPresent()) {
                try {
                    environment.clock().sleepUntil(wake.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    execution.abort("The executing thread was interrupted.");
                    break;
                }
            }
            execution.advance();
        }
        return execution.result();
    }

    private Execution start(StateMachineDefinition definition, ExecutionRequest request, ExecutionListener listener) {
        String name = request.executionName() != null ? request.executionName()
                : Executions.generatedName(environment);
        return Executions.start(environment, definition.graph(), definition.timeoutSeconds().orElse(null),
                request.stateMachineName(), name, request.input(), listener);
    }

    /** Problems with this engine's bindings for a definition; empty when every Task can run. */
    public List<String> unboundFunctions(StateMachineDefinition definition) {
        return unboundFunctions(definition, environment.functions());
    }

    /**
     * One message per Task whose function is not bound in the registry (or whose resource this engine
     * cannot run), naming the state and the function. Empty when all can run.
     */
    public static List<String> unboundFunctions(StateMachineDefinition definition, FunctionRegistry functions) {
        List<String> problems = new ArrayList<>();
        for (StateMachineDefinition.TaskBinding task : definition.tasks()) {
            if (task.unsupported()) {
                problems.add("State '" + task.stateName() + "': resource '" + task.resource()
                        + "' is not a Lambda function; this engine runs only Lambda ARNs and "
                        + "arn:aws:states:::lambda:invoke");
            } else if (task.functionName() != null && functions.find(task.functionName()).isEmpty()) {
                problems.add("State '" + task.stateName() + "': function '" + task.functionName()
                        + "' is not bound (bound: " + functions.functionNames() + ")");
            }
        }
        return problems;
    }

    /** Options beyond the functions and the clock. */
    public static final class Builder {
        private final FunctionRegistry functions;
        private final EngineClock clock;
        private Random random = new Random();
        private String region = DEFAULT_REGION;
        private String account = DEFAULT_ACCOUNT;
        private String roleArn;
        private int historyEventLimit = HistoryLog.DEFAULT_EVENT_LIMIT;

        private Builder(FunctionRegistry functions, EngineClock clock) {
            this.functions = Objects.requireNonNull(functions, "functions");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /** The random source for retry jitter, States.UUID, States.MathRandom and generated names. */
        public Builder random(Random value) {
            this.random = Objects.requireNonNull(value, "random");
            return this;
        }

        public Builder region(String value) {
            this.region = Objects.requireNonNull(value, "region");
            return this;
        }

        public Builder account(String value) {
            this.account = Objects.requireNonNull(value, "account");
            return this;
        }

        /** The execution role shown in {@code $$.Execution.RoleArn}; defaults to a role in the account. */
        public Builder roleArn(String value) {
            this.roleArn = Objects.requireNonNull(value, "roleArn");
            return this;
        }

        /** The history quota; Step Functions' is 25,000 events. Lower it only to test the limit. */
        public Builder historyEventLimit(int value) {
            this.historyEventLimit = value;
            return this;
        }

        /** Builds a runtime that runs many executions on a small thread pool with these options. */
        public ExecutionRuntime.Builder runtime() {
            return new ExecutionRuntime.Builder(environment());
        }

        EngineEnvironment environment() {
            String role = roleArn != null ? roleArn : "arn:aws:iam::" + account + ":role/autoremediate-local";
            return new EngineEnvironment(functions, clock, random, region, account, role, historyEventLimit);
        }

        public StateMachineEngine build() {
            return new StateMachineEngine(environment());
        }
    }
}
