package io.autoremediate.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.journal.JournalDirectory;
import io.autoremediate.engine.internal.json.Json;
import io.autoremediate.engine.internal.context.EngineEnvironment;
import io.autoremediate.engine.internal.runtime.Execution;
import io.autoremediate.engine.internal.context.ExecutionIdentity;
import io.autoremediate.engine.internal.runtime.Executions;
import io.autoremediate.engine.internal.runtime.HistoryLog;
import io.autoremediate.engine.internal.scheduler.Checkpointer;
import io.autoremediate.engine.internal.scheduler.ExecutionScheduler;
import io.autoremediate.engine.internal.scheduler.LiveExecution;
import io.autoremediate.engine.internal.task.CallbackTask;
import io.autoremediate.engine.internal.context.TaskTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs many executions at once on a small thread pool, as the Step Functions service does: {@link #start}
 * returns at once; Waits and retry pauses park an execution on a timer driven by the {@link EngineClock}
 * (with a {@link VirtualClock}, advancing it makes parked executions due), holding no thread. Given a
 * {@link Builder#journal journal directory}, executions survive the process: a runtime built on the same
 * directory resumes them. Thread-safe. Close it to stop its threads.
 */
public final class ExecutionRuntime implements AutoCloseable {
    /** Pool threads when the builder is not told: enough for a few Tasks blocking at once. */
    public static final int DEFAULT_THREADS = Math.max(4, Runtime.getRuntime().availableProcessors());
    /** The region in ARNs when the builder is not told. */
    public static final String DEFAULT_REGION = "local";
    /** The account in ARNs when the builder is not told. */
    public static final String DEFAULT_ACCOUNT = "000000000000";

    private final EngineEnvironment environment;
    private final ExecutionScheduler scheduler;
    private final Map<String, LiveExecution> executions = new ConcurrentHashMap<>();
    private final List<Consumer<ExecutionResult>> completionListeners = new CopyOnWriteArrayList<>();
    private final List<TaskTokenListener> taskTokenListeners = new CopyOnWriteArrayList<>();
    private final Object starting = new Object();
    /** Starts whose journal is being written, by ARN; guarded by {@code starting}. */
    private final Map<String, CompletableFuture<LiveExecution>> beingJournaled = new HashMap<>();
    private final JournalDirectory journals;
    private final List<String> resumed = new ArrayList<>();
    private final List<LiveExecution> toResume = new ArrayList<>();
    private final boolean forgetEnded;

    private ExecutionRuntime(Builder builder) {
        this.environment = builder.environment();
        if (builder.forgetEnded && builder.journalDirectory != null) {
            throw new IllegalStateException("a runtime that forgets ended executions keeps no journal: its files"
                    + " would bring them back on the next start");
        }
        this.forgetEnded = builder.forgetEnded;
        completionListeners.addAll(builder.completionListeners);
        taskTokenListeners.addAll(builder.taskTokenListeners);
        this.scheduler = new ExecutionScheduler(environment.clock(), builder.threads, this::finished,
                issued -> taskTokenListeners.forEach(listener -> listener.onTaskToken(issued)),
                builder.advanceClockWhenIdle);
        this.journals = builder.journalDirectory == null ? null
                : new JournalDirectory(builder.journalDirectory, builder.journalSync);
        if (journals != null) {
            recoverJournaled();
        }
        if (!builder.resumeLater) {
            resume();
        }
    }

    /** Reads every journaled execution back; those still RUNNING go on from their last checkpoint at {@link #resume}. */
    private void recoverJournaled() {
        List<JournalDirectory.Recovered> recovered = journals.recover(environment, ExecutionListener.NONE,
                definitionJson -> StateMachineDefinition.parse(definitionJson).graph());
        for (JournalDirectory.Recovered one : recovered) {
            LiveExecution live = new LiveExecution(one.execution(), one.journal());
            executions.put(live.executionArn(), live);
            if (one.execution().isFinished()) {
                live.completion().complete(one.execution().result());
            } else {
                resumed.add(live.executionArn());
                toResume.add(live);
            }
        }
    }

    /**
     * Lets the executions the journal left RUNNING go on, for a runtime built with {@link Builder#resumeLater}
     * (a runtime built otherwise has done so already; calling it again does nothing).
     */
    public void resume() {
        List<LiveExecution> due;
        synchronized (toResume) {
            due = List.copyOf(toResume);
            toResume.clear();
        }
        due.forEach(scheduler::submit);
    }

    /** A runtime running Tasks' functions from {@code functions} and taking all time from {@code clock}. */
    public static Builder builder(FunctionRegistry functions, EngineClock clock) {
        return new Builder(functions, clock);
    }

    /** Starts an execution and returns at once; see {@link #start(StateMachineDefinition, ExecutionRequest, ExecutionListener)}. */
    public ExecutionHandle start(StateMachineDefinition definition, ExecutionRequest request) {
        return start(definition, request, ExecutionListener.NONE);
    }

    /**
     * Starts an execution (StartExecution) and returns at once; {@code listener} hears its events on the pool
     * thread that appends them. Starting the same name with the same input while it runs returns the
     * running execution, as Step Functions does.
     *
     * @throws UnboundFunctionException         when a Task's function is not bound
     * @throws ExecutionAlreadyExistsException  when the name is taken otherwise
     */
    public ExecutionHandle start(StateMachineDefinition definition, ExecutionRequest request,
                                 ExecutionListener listener) {
        return handle(startLive(definition, request, listener));
    }

    /**
     * Runs one execution to its end: {@link #start} and await it. Interrupted, the caller gets the execution
     * stopped (ABORTED) and its thread's interrupt flag set again.
     *
     * @throws UnboundFunctionException        when a Task's function is not bound (checked before anything runs)
     * @throws ExecutionAlreadyExistsException when the name is taken by another execution
     */
    public ExecutionResult execute(StateMachineDefinition definition, ExecutionRequest request,
                                   ExecutionListener listener) {
        LiveExecution live = startLive(definition, request, listener);
        try {
            ExecutionResult result = live.completion().get();
            if (forgetEnded) {
                // Here as well as when it ends: the completion is handed over first, so the caller's next start
                // of the same name must not race the ending thread's removal.
                executions.remove(live.executionArn(), live);
            }
            return result;
        } catch (InterruptedException e) {
            scheduler.stop(live, null, "The executing thread was interrupted.");
            Thread.currentThread().interrupt();
            return live.execution().result();
        } catch (ExecutionException e) {
            throw new IllegalStateException("execution " + live.executionArn() + " broke the runtime", e.getCause());
        }
    }

    private LiveExecution startLive(StateMachineDefinition definition, ExecutionRequest request,
                                    ExecutionListener listener) {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(request, "request");
        List<String> unbound = definition.unboundFunctions(environment.functions());
        if (!unbound.isEmpty()) {
            throw new UnboundFunctionException(unbound);
        }
        String name = request.executionName() != null ? request.executionName()
                : Executions.generatedName(environment);
        String executionArn = Executions.executionArn(environment, request.stateMachineName(), name);
        CompletableFuture<LiveExecution> mine = new CompletableFuture<>();
        CompletableFuture<LiveExecution> earlier;
        Execution execution = null;
        synchronized (starting) {
            LiveExecution existing = executions.get(executionArn);
            if (existing != null) {
                return sameRunningExecution(existing, request);
            }
            earlier = beingJournaled.putIfAbsent(executionArn, mine);
            if (earlier == null) {
                execution = Executions.start(environment, definition.graph(),
                        definition.timeoutSeconds().orElse(null), request.stateMachineName(), name,
                        request.input(), listener == null ? ExecutionListener.NONE : listener);
            }
        }
        if (earlier != null) {
            // The same name is being started: answer as Step Functions would, once that start is durable.
            return sameRunningExecution(awaitStarted(earlier), request);
        }
        LiveExecution live;
        try {
            // Outside the lock, so the journal forces of starts made at once are on the disk at once.
            Checkpointer journal = journals == null ? Checkpointer.NONE
                    : journals.create(execution, Json.write(definition.json()));
            live = new LiveExecution(execution, journal);
        } catch (RuntimeException | Error e) {
            synchronized (starting) {
                beingJournaled.remove(executionArn);
            }
            mine.completeExceptionally(e);
            throw e;
        }
        synchronized (starting) {
            executions.put(executionArn, live);
            beingJournaled.remove(executionArn);
        }
        mine.complete(live);
        scheduler.submit(live);
        return live;
    }

    private static LiveExecution awaitStarted(CompletableFuture<LiveExecution> start) {
        try {
            return start.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    private static LiveExecution sameRunningExecution(LiveExecution existing, ExecutionRequest request) {
        ExecutionIdentity identity = existing.execution().interpreter().identity();
        if (existing.execution().isFinished() || !identity.input().equals(request.input())) {
            throw new ExecutionAlreadyExistsException(identity.executionArn());
        }
        return existing;
    }

    private static ExecutionHandle handle(LiveExecution live) {
        return new ExecutionHandle(live.executionArn(), live.execution().interpreter().identity().startTime());
    }

    /** DescribeExecution. @throws ExecutionDoesNotExistException for an unknown ARN */
    public ExecutionDescription describe(String executionArn) {
        return describe(live(executionArn));
    }

    /** GetExecutionHistory: the events so far, oldest first. @throws ExecutionDoesNotExistException */
    public List<HistoryEvent> history(String executionArn) {
        return live(executionArn).execution().interpreter().history().events();
    }

    /**
     * StopExecution: ends a RUNNING execution as ABORTED with the optional error and cause before returning (an
     * execution that has ended stays as it was). A function already running is not waited for: it runs to its
     * end, and its result is dropped, not recorded.
     */
    public ExecutionDescription stop(String executionArn, String error, String cause) {
        LiveExecution live = live(executionArn);
        scheduler.stop(live, error, cause);
        return describe(live);
    }

    /** ListExecutions: every execution this runtime holds, newest first. */
    public List<ExecutionDescription> list() {
        return executions.values().stream().map(ExecutionRuntime::describe)
                .sorted(Comparator.comparing(ExecutionDescription::startDate).reversed()
                        .thenComparing(ExecutionDescription::executionArn))
                .toList();
    }

    /**
     * Every execution this runtime holds, in no particular order, without input or output: what a caller that
     * reads all of them often (a guard counting executions) can afford.
     */
    public List<ExecutionSummary> summaries() {
        return executions.values().stream().map(live -> {
            Execution execution = live.execution();
            ExecutionIdentity identity = execution.interpreter().identity();
            return new ExecutionSummary(identity.executionArn(), identity.executionName(), identity.stateMachineArn(),
                    execution.status(), identity.startTime(), execution.stopDate());
        }).toList();
    }

    /** ListExecutions with a state machine and a status filter ({@code null}: any). */
    public List<ExecutionDescription> list(String stateMachineArn, ExecutionStatus status) {
        return list().stream()
                .filter(d -> stateMachineArn == null || d.stateMachineArn().equals(stateMachineArn))
                .filter(d -> status == null || d.status() == status)
                .toList();
    }

    /** Waits until the execution ends; its history included. */
    public ExecutionResult awaitCompletion(String executionArn, Duration timeout)
            throws InterruptedException, TimeoutException {
        try {
            return live(executionArn).completion().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("execution " + executionArn + " broke the runtime", e.getCause());
        }
    }

    /** Hears every execution's end (on the thread that ended it). */
    public void addCompletionListener(Consumer<ExecutionResult> listener) {
        completionListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * SendTaskSuccess: the Task waiting for this token ({@code $$.Task.Token} of a {@code .waitForTaskToken}
     * Task) succeeds with {@code output} as its result. The answer is persisted before this returns.
     *
     * @throws InvalidTokenException     when the text is not a token of this engine
     * @throws TaskDoesNotExistException when no Task waits for it (answered already, execution ended, unknown)
     * @throws TaskTimedOutException     when the Task's TimeoutSeconds or HeartbeatSeconds has passed
     */
    public void sendTaskSuccess(String taskToken, JsonNode output) {
        scheduler.answer(waitingExecution(taskToken), taskToken, CallbackTask.successAnswer(output));
    }

    /** SendTaskFailure: the waiting Task fails with this error and cause (its Retry and Catch apply). */
    public void sendTaskFailure(String taskToken, String error, String cause) {
        scheduler.answer(waitingExecution(taskToken), taskToken, CallbackTask.failureAnswer(error, cause));
    }

    /** SendTaskHeartbeat: the waiting Task's HeartbeatSeconds start over. */
    public void sendTaskHeartbeat(String taskToken) {
        scheduler.answer(waitingExecution(taskToken), taskToken, null);
    }

    /** Hears every task token once its Task waits for it (after it is persisted so). */
    public void addTaskTokenListener(TaskTokenListener listener) {
        taskTokenListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private LiveExecution waitingExecution(String taskToken) {
        String executionArn = TaskTokens.executionArnOf(taskToken)
                .orElseThrow(() -> new InvalidTokenException(taskToken));
        LiveExecution live = executions.get(executionArn);
        if (live == null) {
            throw new TaskDoesNotExistException(taskToken, "no execution " + executionArn + " in this runtime");
        }
        return live;
    }

    /** The executions that were RUNNING in the journal when this runtime started, and went on. */
    public List<String> resumedExecutions() {
        return List.copyOf(resumed);
    }

    /** How many executions are parked in a Wait or retry pause right now. */
    public int parkedCount() {
        return scheduler.parkedCount();
    }

    /** Stops the pool and the timer; running executions stay where they were persisted (if they are). */
    @Override
    public void close() {
        scheduler.close();
        if (journals != null) {
            journals.close();
        }
    }

    private void finished(ExecutionResult result) {
        for (Consumer<ExecutionResult> listener : completionListeners) {
            listener.accept(result);
        }
        if (forgetEnded) {
            executions.computeIfPresent(result.executionArn(), (arn, live) -> live.completion().isDone() ? null : live);
        }
    }

    private LiveExecution live(String executionArn) {
        LiveExecution live = executions.get(Objects.requireNonNull(executionArn, "executionArn"));
        if (live == null) {
            throw new ExecutionDoesNotExistException(executionArn);
        }
        return live;
    }

    private static ExecutionDescription describe(LiveExecution live) {
        Execution execution = live.execution();
        ExecutionIdentity identity = execution.interpreter().identity();
        return new ExecutionDescription(identity.executionArn(), identity.executionName(),
                identity.stateMachineArn(), identity.stateMachineName(), execution.status(), identity.input(),
                execution.output(), execution.error(), execution.cause(), identity.startTime(),
                execution.stopDate());
    }

    /** Options beyond the functions and the clock; {@link #build} may be called more than once. */
    public static final class Builder {
        private final FunctionRegistry functions;
        private final EngineClock clock;
        private Random random = new Random();
        private String region = DEFAULT_REGION;
        private String account = DEFAULT_ACCOUNT;
        private String roleArn;
        private int historyEventLimit = HistoryLog.DEFAULT_EVENT_LIMIT;
        private int threads = DEFAULT_THREADS;
        private final List<Consumer<ExecutionResult>> completionListeners = new ArrayList<>();
        private final List<TaskTokenListener> taskTokenListeners = new ArrayList<>();
        private Path journalDirectory;
        private JournalSync journalSync = JournalSync.DURABLE_POINTS;
        private boolean resumeLater;
        private boolean advanceClockWhenIdle;
        private boolean forgetEnded;

        private Builder(FunctionRegistry functions, EngineClock clock) {
            this.functions = Objects.requireNonNull(functions, "functions");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /** The random source for retry jitter, States.UUID, States.MathRandom and generated names. */
        public Builder random(Random value) {
            this.random = Objects.requireNonNull(value, "random");
            return this;
        }

        /** The region in ARNs; {@link #DEFAULT_REGION} unless told. */
        public Builder region(String value) {
            this.region = Objects.requireNonNull(value, "region");
            return this;
        }

        /** The account in ARNs; {@link #DEFAULT_ACCOUNT} unless told. */
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

        /** The clock executions take their time from. */
        EngineClock clock() {
            return clock;
        }

        private EngineEnvironment environment() {
            String role = roleArn != null ? roleArn : "arn:aws:iam::" + account + ":role/autoremediate-local";
            return new EngineEnvironment(functions, clock, random, region, account, role, historyEventLimit);
        }

        /** The pool size: how many executions advance (or Tasks block) at once. */
        public Builder threads(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("threads must be at least 1, but was " + value);
            }
            this.threads = value;
            return this;
        }

        /** Hears every execution's end, those resumed from the journal at start-up included. */
        /**
         * Drops each execution once it has ended and its result was handed over: describe, list and history no
         * longer know it, and its name may be used again. For one execution after another that nothing asks about
         * later ({@link ExecutionRuntime#execute} returns the result with its history), so the runtime holds no
         * ended history; not with a journal.
         */
        public Builder forgetEnded() {
            this.forgetEnded = true;
            return this;
        }

        public Builder completionListener(Consumer<ExecutionResult> value) {
            completionListeners.add(Objects.requireNonNull(value, "completionListener"));
            return this;
        }

        /** Hears every task token once its Task waits for it; see {@link ExecutionRuntime#addTaskTokenListener}. */
        public Builder taskTokenListener(TaskTokenListener value) {
            taskTokenListeners.add(Objects.requireNonNull(value, "taskTokenListener"));
            return this;
        }

        /**
         * Persists every execution in this directory (one append-only journal each) and, when the runtime is
         * built, resumes the executions a previous runtime left RUNNING there. Without it, executions live
         * in memory only.
         */
        public Builder journal(Path directory) {
            this.journalDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** When the journal is forced to the disk; {@link JournalSync#DURABLE_POINTS} unless told. */
        public Builder journalSync(JournalSync value) {
            this.journalSync = Objects.requireNonNull(value, "journalSync");
            return this;
        }

        /**
         * Builds without letting journaled executions go on until {@link ExecutionRuntime#resume}: for functions
         * that read the runtime they run in (they can be given it before anything of theirs runs).
         */
        public Builder resumeLater() {
            this.resumeLater = true;
            return this;
        }

        /**
         * When no execution can take a step (each is parked on a Wait, a retry pause or a task token's timeout,
         * and no Task's function runs), moves the clock to the earliest deadline ({@link EngineClock#sleepUntil})
         * instead of waiting for it: on a {@link VirtualClock} a demo or a test runs its Waits at once. A task
         * token answered by a {@link TaskTokenListener} as it is issued is seen first; a wait that only an
         * answer can end is never jumped over. Off unless told: on the system clock it changes nothing.
         */
        public Builder advanceClockWhenIdle() {
            this.advanceClockWhenIdle = true;
            return this;
        }

        public ExecutionRuntime build() {
            return new ExecutionRuntime(this);
        }
    }
}
