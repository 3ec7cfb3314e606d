package io.autoremediate.local.runtime;

import io.autoremediate.engine.EngineClock;
import io.autoremediate.functions.guard.ExecutionEntry.ExecutionState;
import io.autoremediate.functions.guard.ExecutionEntry;
import io.autoremediate.functions.guard.ExecutionLedger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local runtime's executions, with Step Functions' rule that a name is used once: the stand-in for
 * ListExecutions that the guard reads, and the reason a duplicate event starts nothing.
 */
public final class LocalExecutionRegistry implements ExecutionLedger {

    private final EngineClock clock;
    private final Map<String, ExecutionEntry> executions = new LinkedHashMap<>();

    public LocalExecutionRegistry(EngineClock clock) {
        this.clock = clock;
    }

    /** Records a start; false when the name was used already. */
    public synchronized boolean register(String name) {
        if (executions.containsKey(name)) {
            return false;
        }
        executions.put(name, new ExecutionEntry(name, ExecutionState.RUNNING, clock.now()));
        return true;
    }

    public synchronized void ended(String name) {
        ExecutionEntry entry = executions.get(name);
        if (entry != null) {
            executions.put(name, new ExecutionEntry(name, ExecutionState.ENDED, entry.startDate()));
        }
    }

    @Override
    public synchronized List<ExecutionEntry> startedSince(Instant since) {
        List<ExecutionEntry> started = new ArrayList<>();
        for (ExecutionEntry entry : executions.values()) {
            if (!entry.startDate().isBefore(since)) {
                started.add(entry);
            }
        }
        return started;
    }

    @Override
    public synchronized List<ExecutionEntry> running() {
        return executions.values().stream().filter(e -> e.state() == ExecutionState.RUNNING).toList();
    }
}
