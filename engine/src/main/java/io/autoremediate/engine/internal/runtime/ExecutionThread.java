package io.autoremediate.engine.internal.runtime;

import com.fasterxml.jackson.databind.node.NullNode;
import io.autoremediate.engine.internal.states.BranchResult;
import io.autoremediate.engine.internal.states.StateGraph;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One path through a state graph: the whole execution, a Parallel branch or a Map iteration. */
public final class ExecutionThread {
    private final StateGraph graph;
    private Cursor cursor;
    private Fork fork;
    private BranchResult result;

    public ExecutionThread(StateGraph graph, Cursor start) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.cursor = Objects.requireNonNull(start, "start");
    }

    /** A thread that has already ended as {@code result} (an execution read back after it ended). */
    public static ExecutionThread ended(StateGraph graph, BranchResult result) {
        ExecutionThread thread = new ExecutionThread(graph, Cursor.enter(graph.startAt(),
                NullNode.getInstance()));
        thread.finish(result);
        return thread;
    }

    public StateGraph graph() {
        return graph;
    }

    /** The position, or {@code null} once finished. */
    public Cursor cursor() {
        return cursor;
    }

    /** The children of the Parallel or Map state the cursor is in, or {@code null}. */
    public Fork fork() {
        return fork;
    }

    void moveTo(Cursor next) {
        cursor = next;
        fork = null;
    }

    void forked(Cursor at, Fork children) {
        cursor = at;
        fork = children;
    }

    void finish(BranchResult how) {
        cursor = null;
        fork = null;
        result = how;
    }

    public boolean isFinished() {
        return result != null;
    }

    public Optional<BranchResult> result() {
        return Optional.ofNullable(result);
    }

    /**
     * When the next step is due, if it must wait: a suspended state's resume time, or for a fork whose
     * children all wait, the earliest of theirs. Empty when a step is due now (or the thread has finished).
     */
    public Optional<Instant> wakeAt() {
        if (cursor == null) {
            return Optional.empty();
        }
        if (fork == null) {
            return Optional.ofNullable(cursor.resumeAt());
        }
        if (fork.canStartAnother() || fork.allEnded()) {
            return Optional.empty();
        }
        Instant earliest = null;
        for (ExecutionThread child : fork.active().values()) {
            Optional<Instant> wake = child.wakeAt();
            if (wake.isEmpty()) {
                return Optional.empty();
            }
            if (earliest == null || wake.get().isBefore(earliest)) {
                earliest = wake.get();
            }
        }
        return Optional.ofNullable(earliest);
    }

    /** Whether a step is due at {@code now}. */
    public boolean isDue(Instant now) {
        if (cursor == null) {
            return false;
        }
        Optional<Instant> wake = wakeAt();
        return wake.isEmpty() || !now.isBefore(wake.get());
    }
}
