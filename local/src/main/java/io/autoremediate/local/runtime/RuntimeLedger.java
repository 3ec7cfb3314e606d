package io.autoremediate.local.runtime;

import io.autoremediate.engine.ExecutionRuntime;
import io.autoremediate.engine.ExecutionStatus;
import io.autoremediate.engine.ExecutionSummary;
import io.autoremediate.functions.guard.ExecutionEntry.ExecutionState;
import io.autoremediate.functions.guard.ExecutionEntry;
import io.autoremediate.functions.guard.ExecutionLedger;
import java.time.Instant;
import java.util.List;

/**
 * The guard's ListExecutions on this machine: the executions of the runtime it runs in, whichever state
 * machine started them, since the guard tells remediations apart by their names.
 */
final class RuntimeLedger implements ExecutionLedger {

    private final ExecutionRuntime runtime;

    RuntimeLedger(ExecutionRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public List<ExecutionEntry> startedSince(Instant since) {
        return runtime.summaries().stream().filter(s -> !s.startDate().isBefore(since)).map(RuntimeLedger::entry)
                .toList();
    }

    @Override
    public List<ExecutionEntry> running() {
        return runtime.summaries().stream().filter(s -> s.status() == ExecutionStatus.RUNNING)
                .map(RuntimeLedger::entry).toList();
    }

    private static ExecutionEntry entry(ExecutionSummary s) {
        return new ExecutionEntry(s.name(), s.status() == ExecutionStatus.RUNNING ? ExecutionState.RUNNING
                : ExecutionState.ENDED, s.startDate());
    }
}
