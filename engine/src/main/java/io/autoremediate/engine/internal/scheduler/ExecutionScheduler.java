package io.autoremediate.engine.internal.scheduler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.EngineClock;
import io.autoremediate.engine.ExecutionResult;
import io.autoremediate.engine.TaskTokenIssued;
import io.autoremediate.engine.internal.runtime.Callbacks;
import io.autoremediate.engine.internal.runtime.Execution;
import io.autoremediate.engine.internal.task.CallbackTask;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs executions on a small pool: a pool thread advances one execution step by step until it must wait
 * (a Wait, a retry backoff), then parks it on the {@link TimerQueue} and moves on; a parked execution holds
 * no thread. A Task step blocks its pool thread while the function runs, as a Lambda invocation would.
 */
public final class ExecutionScheduler implements AutoCloseable {
    /** Steps one execution takes before it goes to the back of the pool's queue, so none hogs a thread. */
    static final int STEPS_PER_TURN = 256;
    private static final Duration MAX_TIMER_NAP = Duration.ofMillis(200);
    /** How long StopExecution waits for a running step before leaving the stop to that step's thread. */
    private static final Duration STOP_PATIENCE = Duration.ofMillis(200);
    private static final Duration IDLE_WORKER_LIFETIME = Duration.ofSeconds(30);

    private final EngineClock clock;
    private final ExecutorService pool;
    private final TimerQueue<LiveExecution> timers;
    private final Consumer<ExecutionResult> onFinished;
    private final Consumer<TaskTokenIssued> onTokenIssued;
    private final IdleClock idleClock;

    /**
     * @param onFinished           told of every execution's end, on the thread that ended it
     * @param onTokenIssued        told of every task token once its Task waits (and is persisted so), on that thread
     * @param advanceClockWhenIdle when no execution is queued or taking a turn, move the clock to the earliest
     *                             parked deadline ({@link EngineClock#sleepUntil}) instead of waiting for it
     */
    public ExecutionScheduler(EngineClock clock, int threads, Consumer<ExecutionResult> onFinished,
                              Consumer<TaskTokenIssued> onTokenIssued, boolean advanceClockWhenIdle) {
        this.onTokenIssued = onTokenIssued;
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, but was " + threads);
        }
        this.clock = clock;
        this.onFinished = onFinished;
        ThreadPoolExecutor workers = new ThreadPoolExecutor(threads, threads, IDLE_WORKER_LIFETIME.toMillis(),
                TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), daemonThreads("execution-worker-"));
        workers.allowCoreThreadTimeOut(true); // an idle runtime (one nobody closes, too) holds no worker
        this.pool = workers;
        this.idleClock = new IdleClock(clock, CallbackTask.NEVER);
        this.timers = new TimerQueue<>(clock, this::submit, MAX_TIMER_NAP, "execution-timer",
                advanceClockWhenIdle ? idleClock::advanceIfIdle : TimerQueue.WhenIdle.NAP);
    }

    /** Runs the execution's next steps on the pool as soon as a thread is free. */
    public void submit(LiveExecution live) {
        idleClock.queued();
        try {
            pool.execute(() -> {
                try {
                    takeTurn(live);
                } finally {
                    turnEnded();
                }
            });
        } catch (RejectedExecutionException e) {
            // Closing: the execution stays where it was persisted, for the next runtime to resume.
            turnEnded();
        }
    }

    private void turnEnded() {
        if (idleClock.turnEnded()) {
            timers.poke();
        }
    }

    /**
     * StopExecution: the execution ends ABORTED before this returns, as in Step Functions. If a step is running
     * (a Task's function), it is not waited for: the function runs to its end on its thread, and whatever the
     * step would then record is dropped (the history has ended; see {@link Execution#advance()}).
     */
    public void stop(LiveExecution live, String error, String cause) {
        live.requestStop(error, cause);
        boolean locked;
        try {
            locked = live.stepLock().tryLock(STOP_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            locked = false;
        }
        if (locked) {
            try {
                timers.cancel(live);
                applyStop(live);
            } finally {
                live.stepLock().unlock();
            }
            return;
        }
        // A step holds the lock, blocked in a function. Ending the execution touches only what is safe from here:
        // the history (synchronized, and it refuses the step's late events), the status, the journal.
        applyStop(live);
    }

    /** How many executions are parked until a time. */
    public int parkedCount() {
        return timers.size();
    }

    private void takeTurn(LiveExecution live) {
        live.stepLock().lock();
        try {
            advanceUntilParked(live);
        } finally {
            live.stepLock().unlock();
        }
        // A stop that came while this thread held the lock and found it taken is applied now.
        if (live.stopRequest() != null && !live.completion().isDone() && timers.cancel(live)) {
            submit(live);
        }
    }

    private void advanceUntilParked(LiveExecution live) {
        Execution execution = live.execution();
        for (int steps = 0; ; steps++) {
            if (applyStop(live)) {
                return;
            }
            Optional<Instant> wake = execution.wakeAt();
            if (wake.isPresent() && clock.now().isBefore(wake.get())) {
                if (persist(live, Checkpointer.Point.PARKED)) {
                    timers.park(live, wake.get());
                    return;
                }
                continue;
            }
            if (steps == STEPS_PER_TURN) {
                submit(live);
                return;
            }
            step(live);
        }
    }

    private void step(LiveExecution live) {
        Execution execution = live.execution();
        long taskEndings = execution.interpreter().history().taskEndings();
        try {
            execution.advance();
        } catch (RuntimeException e) {
            execution.crash("The engine failed while advancing the execution: " + e);
        }
        if (execution.interpreter().history().taskEndings() != taskEndings && !execution.isFinished()) {
            persist(live, Checkpointer.Point.TASK_ENDED);
        }
        List<TaskTokenIssued> tokens = Callbacks.drainIssued(execution);
        if (tokens.isEmpty()) {
            return; // nearly every step: spare it an iterator
        }
        for (TaskTokenIssued issued : tokens) {
            try {
                onTokenIssued.accept(issued);
            } catch (RuntimeException e) {
                // A listener's failure is its own; the Task waits for its token either way.
            }
        }
    }

    /**
     * SendTaskSuccess / SendTaskFailure ({@code answer} non-null) or SendTaskHeartbeat ({@code null}): hands
     * the answer to the Task waiting for the token, persists it before returning (an answer, like a task's
     * end, is forced to the disk) and makes the execution go on.
     *
     * @throws io.autoremediate.engine.TaskTokenException when no Task waits for the token (or its time is up)
     */
    public void answer(LiveExecution live, String token, ObjectNode answer) {
        Execution execution = live.execution();
        if (Callbacks.answerWhileInvoking(execution, token, answer)) {
            return;
        }
        live.stepLock().lock();
        try {
            if (answer == null) {
                Callbacks.heartbeat(execution, token, clock.now());
            } else {
                Callbacks.answer(execution, token, answer, clock.now());
            }
            persist(live, answer == null ? Checkpointer.Point.PARKED : Checkpointer.Point.TASK_ENDED);
        } finally {
            live.stepLock().unlock();
        }
        // Parked: wake it now. Not parked: it is queued or this very thread is taking its step; it sees the answer.
        if (timers.cancel(live)) {
            submit(live);
        }
    }

    /** Persists the execution; if that fails, it cannot go on durably, so it fails (in memory at least). */
    private static boolean persist(LiveExecution live, Checkpointer.Point point) {
        try {
            live.checkpointer().checkpoint(live.execution(), point);
            return true;
        } catch (RuntimeException e) {
            live.execution().crash("The execution could not be persisted: " + e.getMessage());
            return false;
        }
    }

    /** Applies a pending stop and completes a finished execution; true when the execution has ended. */
    private boolean applyStop(LiveExecution live) {
        Execution execution = live.execution();
        LiveExecution.StopRequest stop = live.stopRequest();
        if (stop != null && !execution.isFinished()) {
            execution.abort(stop.error(), stop.cause());
        }
        if (!execution.isFinished()) {
            return false;
        }
        if (!live.completion().isDone()) {
            persist(live, Checkpointer.Point.FINISHED);
            ExecutionResult result = execution.result();
            // StopExecution and the stepping thread may both get here; only the one that completes tells.
            if (live.completion().complete(result)) {
                try {
                    onFinished.accept(result);
                } catch (RuntimeException e) {
                    // A listener's failure is its own; the execution has ended either way.
                }
            }
        }
        return true;
    }

    @Override
    public void close() {
        timers.close();
        pool.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
