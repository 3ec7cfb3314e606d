package io.autoremediate.functions.guard;

import java.time.Instant;
import java.util.List;

/**
 * The remediation state machine's own executions: Step Functions ListExecutions in AWS, the local
 * runtime's registry locally. The guard reads it to keep remediations apart and to spot flapping.
 */
public interface ExecutionLedger {

    /** Every execution started at or after {@code since}, whatever its status. */
    List<ExecutionEntry> startedSince(Instant since);

    /** Every execution running now. */
    List<ExecutionEntry> running();
}
