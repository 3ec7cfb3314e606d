package io.autoremediate.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.internal.runtime.Callbacks;
import io.autoremediate.engine.internal.runtime.EngineEnvironment;
import io.autoremediate.engine.internal.runtime.Execution;
import io.autoremediate.engine.internal.runtime.Executions;
import io.autoremediate.engine.internal.runtime.HistoryLog;
import io.autoremediate.engine.internal.task.CallbackTask;
import io.autoremediate.engine.internal.task.TaskTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs state machine executions in process, invoking Tasks' Lambda functions from a {@link FunctionRegistry}
 * and taking all time from an {@link EngineClock}.
 */
public final class StateMachineEngine {
    public static final String DEFAULT_REGION = "local";
    public static final String DEFAULT_ACCOUNT = "000000000000";

    private final EngineEnvironment environment;
    private final Map<String, DrivenExecution> running = new ConcurrentHashMap<>();
    private final List<TaskTokenListener> taskTokenListeners = new CopyOnWriteArrayList<>();

    public StateMachineEngine(FunctionRegistry functions, EngineClock clock) {
        this(builder(functions, clock).environment(), List.of());
    }

    private StateMachineEngine(EngineEnvironment environment, List<TaskTokenListener> taskTokenListeners) {
        this.environment = environment;
        this.taskTokenListeners.addAll(taskTokenListeners);
    }

    /**
     * An execution being driven by {@link #execute}: the lock its thread holds while it takes a step (and
     * an answer to a task token takes while it delivers), and the condition an answer signals.
     */
    private record DrivenExecution(Execution execution, ReentrantLock lock, Condition answered) {
        static DrivenExecution of(Execution execution) {
            ReentrantLock lock = new ReentrantLock();
            return new DrivenExecution(execution, lock, lock.newCondition());
        }
    }

    public static Builder builder(FunctionRegistry functions, EngineClock clock) {
        return new Builder(functions, clock);
    }

    /**
     * Runs an execution to its end on the caller's thread, waiting on the clock for Waits and retry backoff,
     * and for answers to task tokens ({@link #sendTaskSuccess} and the like, from any thread). A task token
     * wait with TimeoutSeconds or HeartbeatSeconds waits on the clock too: on a {@link VirtualClock} it jumps to
     * the timeout unless the answer came at once (from a {@link TaskTokenListener} or the function itself);
     * only without them, or on the system clock, does it wait in real time for an answer from another thread.
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
        DrivenExecution driven = DrivenExecution.of(execution);
        String executionArn = execution.interpreter().identity().executionArn();
        running.put(executionArn, driven);
        driven.lock().lock();
        try {
            drive(driven);
        } finally {
            driven.lock().unlock();
            running.remove(executionArn, driven);
        }
        return execution.result();
    }

    private void drive(DrivenExecution driven) {
        Execution execution = driven.execution();
        EngineClock clock = environment.clock();
        while (!execution.isFinished()) {
            Optional<Instant> wake = execution.wakeAt();
            if (wake.isPresent() && clock.now().isBefore(wake.get())) {
                try {
                    waitUntil(driven, wake.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    execution.abort("The executing thread was interrupted.");
                    break;
                }
                continue;
            }
            execution.advance();
            for (TaskTokenIssued issued : Callbacks.drainIssued(execution)) {
                taskTokenListeners.forEach(l -> l.onTaskToken(issued));
            }
        }
    }

    /**
     * Waits (holding no lock) until {@code wake} on the clock or an answer to a task token. Only a wait that
     * nothing but an answer can end, or one on the system clock, is cut short by an answer; other clocks
     * sleep as they do (a VirtualClock jumps), so tests stay instant and deterministic.
     */
    private void waitUntil(DrivenExecution driven, Instant wake) throws InterruptedException {
        EngineClock clock = environment.clock();
        if (wake.equals(CallbackTask.NEVER)) {
            driven.answered().await();
        } else if (clock == EngineClock.system()) {
            Duration left = Duration.between(clock.now(), wake);
            driven.answered().awaitNanos(Math.max(1, Math.min(left.toNanos(), Duration.ofDays(1).toNanos())));
        } else {
            driven.lock().unlock();
            try {
                clock.sleepUntil(wake);
            } finally {
                driven.lock().lock();
            }
        }
    }

    /**
     * SendTaskSuccess to an execution {@link #execute} is running (on any thread): the Task waiting for this
     * token succeeds with {@code output} as its result.
     *
     * @throws InvalidTokenException     when the text is not a token of this engine
     * @throws TaskDoesNotExistException when no Task waits for it (answered already, execution ended, unknown)
     * @throws TaskTimedOutException     when the Task's TimeoutSeconds or HeartbeatSeconds has passed
     */
    public void sendTaskSuccess(String taskToken, JsonNode output) {
        answer(taskToken, CallbackTask.successAnswer(output));
    }

    /** SendTaskFailure: the waiting Task fails with this error and cause (its Retry and Catch apply). */
    public void sendTaskFailure(String taskToken, String error, String cause) {
        answer(taskToken, CallbackTask.failureAnswer(error, cause));
    }

    /** SendTaskHeartbeat: the waiting Task's HeartbeatSeconds start over. */
    public void sendTaskHeartbeat(String taskToken) {
        answer(taskToken, null);
    }

    /** Hears every task token once its Task waits for it, on the thread running {@link #execute}. */
    public void addTaskTokenListener(TaskTokenListener listener) {
        taskTokenListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private void answer(String taskToken, ObjectNode answer) {
        String executionArn = TaskTokens.executionArnOf(taskToken)
                .orElseThrow(() -> new InvalidTokenException(taskToken));
        DrivenExecution driven = running.get(executionArn);
        if (driven == null) {
            throw new TaskDoesNotExistException(taskToken, "no execution " + executionArn + " is running here");
        }
        if (Callbacks.answerWhileInvoking(driven.execution(), taskToken, answer)) {
            return;
        }
        driven.lock().lock();
        try {
            Instant now = environment.clock().now();
            if (answer == null) {
                Callbacks.heartbeat(driven.execution(), taskToken, now);
            } else {
                Callbacks.answer(driven.execution(), taskToken, answer, now);
            }
            driven.answered().signalAll();
        } finally {
            driven.lock().unlock();
        }
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
                        + "' is not a Lambda function; this engine runs only Lambda ARNs, "
                        + "arn:aws:states:::lambda:invoke and arn:aws:states:::lambda:invoke.waitForTaskToken");
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
        private final List<TaskTokenListener> taskTokenListeners = new ArrayList<>();

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

        /** Hears every task token once its Task waits for it (the engine's, and a runtime's built from here). */
        public Builder taskTokenListener(TaskTokenListener value) {
            taskTokenListeners.add(Objects.requireNonNull(value, "taskTokenListener"));
            return this;
        }

        /** Builds a runtime that runs many executions on a small thread pool with these options. */
        public ExecutionRuntime.Builder runtime() {
            ExecutionRuntime.Builder runtime = new ExecutionRuntime.Builder(environment());
            taskTokenListeners.forEach(runtime::taskTokenListener);
            return runtime;
        }

        EngineEnvironment environment() {
            String role = roleArn != null ? roleArn : "arn:aws:iam::" + account + ":role/autoremediate-local";
            return new EngineEnvironment(functions, clock, random, region, account, role, historyEventLimit);
        }

        public StateMachineEngine build() {
            return new StateMachineEngine(environment(), taskTokenListeners);
        }
    }
}
