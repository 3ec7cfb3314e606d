package io.autoremediate.local.sfn.binding;

import io.autoremediate.functions.guard.ExecutionEntry;
import io.autoremediate.functions.guard.ExecutionLedger;
import io.autoremediate.local.sfn.execution.ExecutionBackend;
import io.autoremediate.local.sfn.execution.ExecutionView;
import java.time.Instant;
import java.util.List;

/**
 * The guard's view of executions (ListExecutions in AWS): every execution of the server, whichever state
 * machine started it, since the guard tells remediations apart by their names.
 */
final class BackendLedger implements ExecutionLedger {

    private final ExecutionBackend backend;

    BackendLedger(ExecutionBackend backend) {
        this.backend = backend;
    }

    @Override
    public List<ExecutionEntry> startedSince(Instant since) {
        return backend.list(null).stream().filter(view -> !view.startDate().isBefore(since))
                .map(BackendLedger::entry).toList();
    }

    @Override
    public List<ExecutionEntry> running() {
        return backend.list(null).stream().filter(ExecutionView::running).map(BackendLedger::entry).toList();
    }

    private static ExecutionEntry entry(ExecutionView view) {
        return new ExecutionEntry(view.name(), view.running() ? ExecutionEntry.ExecutionState.RUNNING
                : ExecutionEntry.ExecutionState.ENDED, view.startDate());
    }
}
