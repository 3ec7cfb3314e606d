package io.autoremediate.local.sfn.execution;

import io.autoremediate.engine.EngineClock;
import io.autoremediate.engine.ExecutionRequest;
import io.autoremediate.engine.ExecutionResult;
import io.autoremediate.engine.FunctionRegistry;
import io.autoremediate.engine.HistoryEvent;
import io.autoremediate.engine.LambdaFunction;
import io.autoremediate.engine.StateMachineDefinition;
import io.autoremediate.engine.StateMachineEngine;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs each execution with today's synchronous {@link StateMachineEngine#execute} on a bounded thread pool,
 * keeping executions in memory. The history is captured through the listener as events arrive, so a running
 * execution's history can be read. Executions beyond the pool's size wait their turn, still RUNNING.
 */
public final class ThreadPoolExecutionBackend implements ExecutionBackend {

    private final FunctionRegistry functions;
    private final EngineClock clock;
    private final String region;
    private final String account;
    private final ExecutorService pool;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    /**
     * @param functions the bound functions; names a definition uses but this lacks fail their Task with
     *                  {@code Lambda.ResourceNotFoundException} when invoked
     * @param threads   how many executions run at once
     */
    public ThreadPoolExecutionBackend(FunctionRegistry functions, EngineClock clock, String region, String account,
                                      int threads) {
        this.functions = Objects.requireNonNull(functions, "functions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.region = Objects.requireNonNull(region, "region");
        this.account = Objects.requireNonNull(account, "account");
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads());
        executor.allowCoreThreadTimeOut(true);
        this.pool = executor;
    }

    @Override
    public ExecutionView start(ExecutionStart start) {
        Run run = new Run(start, sequence.incrementAndGet(), clock.now());
        if (runs.putIfAbsent(start.executionArn(), run) != null) {
            throw new IllegalStateException("execution " + start.executionArn() + " exists already");
        }
        StateMachineEngine engine = StateMachineEngine.builder(bindingsFor(start.definition(), run), clock)
                .region(region).account(account).roleArn(start.roleArn()).build();
        run.runsAs(pool.submit(() -> execute(engine, run)));
        return run.view();
    }

    private void execute(StateMachineEngine engine, Run run) {
        ExecutionStart start = run.start();
        try {
            ExecutionResult result = engine.execute(start.definition(),
                    new ExecutionRequest(start.stateMachineName(), start.name(), start.input()), run::append);
            run.ended(result);
        } catch (Run.StoppedException stopped) {
            // StopExecution closed it already; the engine only had to wind down.
        } catch (RuntimeException e) {
            run.broke(e, clock.now());
        }
    }

    /** The bound functions, the missing ones as Lambda would report them, all refusing to run once stopped. */
    private FunctionRegistry bindingsFor(StateMachineDefinition definition, Run run) {
        FunctionRegistry registry = new FunctionRegistry();
        for (String name : functions.functionNames()) {
            registry.bind(name, guarded(functions.find(name).orElseThrow(), run));
        }
        for (StateMachineDefinition.TaskBinding task : definition.tasks()) {
            String name = task.functionName();
            if (name != null && functions.find(name).isEmpty()) {
                registry.bind(name, guarded(new MissingFunction(
                        "arn:aws:lambda:" + region + ":" + account + ":function:" + name), run));
            }
        }
        return registry;
    }

    private static LambdaFunction guarded(LambdaFunction function, Run run) {
        return payload -> {
            run.requireRunning();
            return function.invoke(payload);
        };
    }

    @Override
    public Optional<ExecutionView> describe(String executionArn) {
        return Optional.ofNullable(runs.get(executionArn)).map(Run::view);
    }

    @Override
    public List<HistoryEvent> history(String executionArn) {
        Run run = runs.get(executionArn);
        return run == null ? List.of() : run.history();
    }

    @Override
    public Optional<ExecutionView> stop(String executionArn, String error, String cause) {
        Run run = runs.get(executionArn);
        if (run == null) {
            return Optional.empty();
        }
        run.abort(error, cause, clock.now());
        return Optional.of(run.view());
    }

    @Override
    public List<ExecutionView> list(String stateMachineArn) {
        return runs.values().stream()
                .map(Run::view)
                .filter(view -> stateMachineArn == null || view.stateMachineArn().equals(stateMachineArn))
                .sorted(Comparator.comparingLong(ExecutionView::sequence).reversed())
                .toList();
    }

    @Override
    public void close() {
        Instant now = clock.now();
        runs.values().forEach(run -> run.abort("States.Runtime", "the local server shut down", now));
        pool.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "sfn-execution-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
