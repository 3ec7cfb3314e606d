package io.autoremediate.engine;

/**
 * When an {@link ExecutionRuntime}'s journal is forced to the disk (fsync). Every checkpoint is written to the
 * operating system before the execution moves on, which is what survives a killed process (kill -9); forcing
 * is what survives losing the machine (power, kernel).
 */
public enum JournalSync {
    /**
     * Force when an execution starts (StartExecution has answered), after every task attempt (so a completed
     * task is not run again) and when it ends; not when it parks. After losing the machine, an execution
     * that had parked since its last task re-runs the steps from that task on (its Wait starts over).
     * The default.
     */
    DURABLE_POINTS,
    /** Force at every checkpoint, parking included: the most durable and the slowest with many Waits. */
    EVERY_CHECKPOINT,
    /** Never force: survives a killed process, not a lost machine. For tests and throwaway runs. */
    NEVER
}
