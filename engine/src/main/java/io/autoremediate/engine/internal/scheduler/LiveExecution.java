package io.autoremediate.engine.internal.scheduler;

import io.autoremediate.engine.ExecutionResult;
import io.autoremediate.engine.internal.runtime.Execution;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An execution the scheduler owns: the execution, the lock held while one thread advances it, a pending
 * StopExecution, where it is persisted, and the future its end completes.
 */
public final class LiveExecution {
    private final Execution execution;
    private final Checkpointer checkpointer;
    private final ReentrantLock stepLock = new ReentrantLock();
    private final CompletableFuture<ExecutionResult> completion = new CompletableFuture<>();
    private volatile StopRequest stopRequest;

    /** A StopExecution not yet applied because a step was running. */
    record StopRequest(String error, String cause) {
    }

    public LiveExecution(Execution execution, Checkpointer checkpointer) {
        this.execution = Objects.requireNonNull(execution, "execution");
        this.checkpointer = Objects.requireNonNull(checkpointer, "checkpointer");
    }

    public Execution execution() {
        return execution;
    }

    public String executionArn() {
        return execution.interpreter().identity().executionArn();
    }

    public CompletableFuture<ExecutionResult> completion() {
        return completion;
    }

    public Checkpointer checkpointer() {
        return checkpointer;
    }

    ReentrantLock stepLock() {
        return stepLock;
    }

    StopRequest stopRequest() {
        return stopRequest;
    }

    void requestStop(String error, String cause) {
        stopRequest = new StopRequest(error, cause);
    }
}
