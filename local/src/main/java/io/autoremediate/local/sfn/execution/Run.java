package io.autoremediate.local.sfn.execution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.ExecutionResult;
import io.autoremediate.engine.ExecutionStatus;
import io.autoremediate.engine.HistoryEvent;
import io.autoremediate.functions.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/**
 * One execution's mutable record: its history as the engine appends it and how it ended. Once it is closed
 * (ended, or stopped by StopExecution) nothing the engine does afterwards changes it.
 */
final class Run {

    /** Thrown into the engine's thread when it touches an execution that was stopped, so it winds down. */
    static final class StoppedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StoppedException(String executionArn) {
            super("execution " + executionArn + " was stopped");
        }
    }

    private final ExecutionStart start;
    private final long sequence;
    private final Instant startDate;
    private final List<HistoryEvent> events = new ArrayList<>();
    private ExecutionStatus status = ExecutionStatus.RUNNING;
    private Instant stopDate;
    private String output;
    private String error;
    private String cause;
    private Future<?> task;

    Run(ExecutionStart start, long sequence, Instant startDate) {
        this.start = start;
        this.sequence = sequence;
        this.startDate = startDate;
    }

    ExecutionStart start() {
        return start;
    }

    synchronized void runsAs(Future<?> future) {
        this.task = future;
    }

    /** Refuses work for a closed execution: what the engine sees when it was stopped meanwhile. */
    synchronized void requireRunning() {
        if (status != ExecutionStatus.RUNNING) {
            throw new StoppedException(start.executionArn());
        }
    }

    synchronized void append(HistoryEvent event) {
        requireRunning();
        events.add(event);
    }

    synchronized void ended(ExecutionResult result) {
        if (status != ExecutionStatus.RUNNING) {
            return;
        }
        events.clear();
        events.addAll(result.history());
        status = result.status();
        stopDate = result.stopDate() != null ? result.stopDate() : result.startDate();
        output = result.output() == null ? null : Json.write(result.output());
        error = result.error();
        cause = result.cause();
    }

    /** The engine itself broke: the execution fails as Step Functions fails one it cannot go on with. */
    synchronized void broke(RuntimeException failure, Instant now) {
        if (status != ExecutionStatus.RUNNING) {
            return;
        }
        close(ExecutionStatus.FAILED, "ExecutionFailed", "States.Runtime", String.valueOf(failure), now);
    }

    /** StopExecution: false when it had ended already. */
    synchronized boolean abort(String abortError, String abortCause, Instant now) {
        if (status != ExecutionStatus.RUNNING) {
            return false;
        }
        close(ExecutionStatus.ABORTED, "ExecutionAborted", abortError, abortCause, now);
        if (task != null) {
            task.cancel(true);
        }
        return true;
    }

    private void close(ExecutionStatus closing, String eventType, String closeError, String closeCause, Instant now) {
        if (events.isEmpty()) {
            ObjectNode started = Json.MAPPER.createObjectNode();
            started.put("input", start.inputText());
            started.putObject("inputDetails").put("truncated", false);
            started.put("roleArn", start.roleArn());
            events.add(new HistoryEvent(1, 0, now, "ExecutionStarted", null, started));
        }
        ObjectNode details = Json.MAPPER.createObjectNode();
        if (closeError != null) {
            details.put("error", closeError);
        }
        if (closeCause != null) {
            details.put("cause", closeCause);
        }
        long last = events.get(events.size() - 1).id();
        events.add(new HistoryEvent(last + 1, last, now, eventType, null, details));
        status = closing;
        stopDate = now;
        error = closeError;
        cause = closeCause;
    }

    synchronized List<HistoryEvent> history() {
        return List.copyOf(events);
    }

    synchronized ExecutionView view() {
        return new ExecutionView(sequence, start.executionArn(), start.name(), start.stateMachineArn(), status,
                startDate, stopDate, start.inputText(), output, error, cause);
    }
}
