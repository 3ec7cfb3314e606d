package io.autoremediate.local.runtime;

import io.autoremediate.engine.ExecutionDescription;
import io.autoremediate.engine.ExecutionRuntime;
import io.autoremediate.engine.ExecutionStatus;
import io.autoremediate.functions.guard.ExecutionEntry;
import io.autoremediate.functions.guard.ExecutionEntry.ExecutionState;
import io.autoremediate.functions.ports.ExecutionLedger;
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
        return runtime.list().stream().filter(d -> !d.startDate().isBefore(since)).map(RuntimeLedger::entry).toList();
    }

    @Override
    public List<ExecutionEntry> running() {
        return runtime.list(null, ExecutionStatus.RUNNING).stream().map(RuntimeLedger::entry).toList();
    }

    private static ExecutionEntry entry(ExecutionDescription d) {
        return new ExecutionEntry(d.name(), d.status() == ExecutionStatus.RUNNING ? ExecutionState.RUNNING
                : ExecutionState.ENDED, d.startDate());
    }
}
