package io.autoremediate.engine.internal.scheduler;

import io.autoremediate.engine.internal.runtime.Execution;

/**
 * Persists an execution at the points where losing it would repeat work or lose it: once started, after
 * each task attempt ends (so no completed task runs twice), when it parks, and when it finishes.
 * Steps between those points are pure and re-run after a crash.
 */
@FunctionalInterface
public interface Checkpointer {
    Checkpointer NONE = (execution, point) -> { };

    /** Why the execution is being persisted now. */
    enum Point { STARTED, TASK_ENDED, PARKED, FINISHED }

    void checkpoint(Execution execution, Point point);
}
