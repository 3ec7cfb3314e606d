package io.autoremediate.engine.internal.runtime;

import io.autoremediate.engine.internal.states.BranchResult;
import io.autoremediate.engine.internal.states.StateGraph;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One path through a state graph: the whole execution, a Parallel branch or a Map iteration. */
public final class ExecutionThread {
    private final StateGraph graph;
    private Cursor cursor;
    private BranchResult result;

    public ExecutionThread(StateGraph graph, Cursor start) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.cursor = Objects.requireNonNull(start, "start");
    }

    public StateGraph graph() {
        return graph;
    }

    /** The position, or {@code null} once finished. */
    public Cursor cursor() {
        return cursor;
    }

    void moveTo(Cursor next) {
        cursor = next;
    }

    void finish(BranchResult how) {
        cursor = null;
        result = how;
    }

    public boolean isFinished() {
        return result != null;
    }

    public Optional<BranchResult> result() {
        return Optional.ofNullable(result);
    }

    /** When the next step is due, if it must wait. */
    public Optional<Instant> wakeAt() {
        return cursor == null ? Optional.empty() : Optional.ofNullable(cursor.resumeAt());
    }
}
