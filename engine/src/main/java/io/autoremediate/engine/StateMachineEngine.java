package io.autoremediate.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * One execution at a time to its end on the caller's thread: {@link ExecutionRuntime#execute} on a runtime
 * that, on any clock but the system's, moves the clock over Waits, retry pauses and task token timeouts
 * ({@link ExecutionRuntime.Builder#advanceClockWhenIdle}). Kept for callers written before the runtime; new
 * code builds an {@link ExecutionRuntime}.
 */
public final class StateMachineEngine {
    public static final String DEFAULT_REGION = ExecutionRuntime.DEFAULT_REGION;
    public static final String DEFAULT_ACCOUNT = ExecutionRuntime.DEFAULT_ACCOUNT;

    private final ExecutionRuntime runtime;

    public StateMachineEngine(FunctionRegistry functions, EngineClock clock) {
        this(builder(functions, clock).runtime);
    }

    private StateMachineEngine(ExecutionRuntime.Builder builder) {
        if (builder.clock() != EngineClock.system()) {
            builder.advanceClockWhenIdle();
        }
        this.runtime = builder.build();
    }

    public static Builder builder(FunctionRegistry functions, EngineClock clock) {
        return new Builder(ExecutionRuntime.builder(functions, clock));
    }

    /**
     * Runs an execution to its end, waiting on the clock for Waits and retry backoff, and for answers to task
     * tokens ({@link #sendTaskSuccess} and the like, from any thread). On a clock other than the system's, a
     * wait with a deadline jumps to it unless the answer came at once (from a {@link TaskTokenListener} or
     * the function itself); only a wait without deadline, or the system clock, waits for an answer in real
     * time. The ended execution is not kept: its name may be used again.
     *
     * @throws UnboundFunctionException when a Task's function is not bound (checked before anything runs)
     */
    public ExecutionResult execute(StateMachineDefinition definition, ExecutionRequest request,
                                   ExecutionListener listener) {
        ExecutionResult result = runtime.execute(definition, request,
                listener == null ? ExecutionListener.NONE : listener);
        runtime.forget(result.executionArn());
        return result;
    }

    /** SendTaskSuccess; see {@link ExecutionRuntime#sendTaskSuccess}. */
    public void sendTaskSuccess(String taskToken, JsonNode output) {
        runtime.sendTaskSuccess(taskToken, output);
    }

    /** SendTaskFailure; see {@link ExecutionRuntime#sendTaskFailure}. */
    public void sendTaskFailure(String taskToken, String error, String cause) {
        runtime.sendTaskFailure(taskToken, error, cause);
    }

    /** SendTaskHeartbeat; see {@link ExecutionRuntime#sendTaskHeartbeat}. */
    public void sendTaskHeartbeat(String taskToken) {
        runtime.sendTaskHeartbeat(taskToken);
    }

    /** Hears every task token once its Task waits for it, on the pool thread running the execution. */
    public void addTaskTokenListener(TaskTokenListener listener) {
        runtime.addTaskTokenListener(listener);
    }

    /** See {@link StateMachineDefinition#unboundFunctions}. */
    public static List<String> unboundFunctions(StateMachineDefinition definition, FunctionRegistry functions) {
        return definition.unboundFunctions(functions);
    }

    /** Options beyond the functions and the clock: those of {@link ExecutionRuntime.Builder}. */
    public static final class Builder {
        private final ExecutionRuntime.Builder runtime;

        private Builder(ExecutionRuntime.Builder runtime) {
            this.runtime = runtime;
        }

        public Builder random(Random value) {
            runtime.random(value);
            return this;
        }

        public Builder region(String value) {
            runtime.region(value);
            return this;
        }

        public Builder account(String value) {
            runtime.account(value);
            return this;
        }

        public Builder roleArn(String value) {
            runtime.roleArn(value);
            return this;
        }

        public Builder historyEventLimit(int value) {
            runtime.historyEventLimit(value);
            return this;
        }

        public Builder taskTokenListener(TaskTokenListener value) {
            runtime.taskTokenListener(Objects.requireNonNull(value, "taskTokenListener"));
            return this;
        }

        /** The runtime builder these options were given to. */
        public ExecutionRuntime.Builder runtime() {
            return runtime;
        }

        public StateMachineEngine build() {
            return new StateMachineEngine(runtime);
        }
    }
}
