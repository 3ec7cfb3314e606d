package io.autoremediate.engine.internal.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.ExecutionResult;
import io.autoremediate.engine.ExecutionStatus;
import io.autoremediate.engine.internal.errors.ErrorNames;
import io.autoremediate.engine.internal.json.Json;
import io.autoremediate.engine.internal.states.BranchResult;
import io.autoremediate.engine.internal.states.StateGraph;
import java.time.Instant;
import java.util.Optional;
import io.autoremediate.engine.internal.context.ExecutionIdentity;

/**
 * One execution as a state object advanced a transition at a time. A driver calls {@link #advance()}
 * whenever {@link #wakeAt()} has passed until {@link #isFinished()}; between steps the execution holds
 * only data, so a later driver can persist it or hand its waits to a scheduler.
 */
public final class Execution {
    private final Interpreter interpreter;
    private final ExecutionThread main;
    // Written by the one thread advancing the execution, read by any (describe, list).
    private volatile ExecutionStatus status = ExecutionStatus.RUNNING;
    private volatile JsonNode output;
    private volatile String error;
    private volatile String cause;
    private volatile Instant stopDate;

    private Execution(Interpreter interpreter, ExecutionThread main) {
        this.interpreter = interpreter;
        this.main = main;
    }

    /**
     * An execution read back from where it was persisted: RUNNING at {@code main}'s position, or ended as
     * {@code status} says (then {@code main} is not used).
     */
    public static Execution restore(Interpreter interpreter, ExecutionThread main, ExecutionStatus status,
                                    JsonNode output, String error, String cause, Instant stopDate) {
        Execution execution = new Execution(interpreter, main);
        execution.status = status;
        execution.output = output;
        execution.error = error;
        execution.cause = cause;
        execution.stopDate = stopDate;
        return execution;
    }

    /** Records ExecutionStarted and positions the execution at StartAt. */
    public static Execution start(Interpreter interpreter, StateGraph graph) {
        ExecutionIdentity identity = interpreter.identity();
        Execution execution = new Execution(interpreter,
                new ExecutionThread(graph, Cursor.enter(graph.startAt(), identity.input())));
        ObjectNode details = Json.object();
        details.put("input", Json.write(identity.input()));
        details.putObject("inputDetails").put("truncated", false);
        details.put("roleArn", identity.roleArn());
        interpreter.history().append("ExecutionStarted", null, details);
        return execution;
    }

    public boolean isFinished() {
        return status != ExecutionStatus.RUNNING;
    }

    /** When the next step is due: a Wait's end or a retry's backoff, capped by the execution's deadline. */
    public Optional<Instant> wakeAt() {
        Optional<Instant> wake = main.wakeAt();
        Instant deadline = interpreter.deadline();
        if (wake.isPresent() && deadline != null && deadline.isBefore(wake.get())) {
            return Optional.of(deadline);
        }
        return wake;
    }

    /** Takes one step, finishing the execution when the main thread ends or a limit is hit. */
    public void advance() {
        if (isFinished()) {
            return;
        }
        try {
            interpreter.advance(main);
        } catch (HistoryLog.HistoryLimitReached e) {
            fail(ErrorNames.RUNTIME, e.getMessage());
            return;
        } catch (Interpreter.ExecutionDeadlineReached e) {
            end(ExecutionStatus.TIMED_OUT, "ExecutionTimedOut", ErrorNames.TIMEOUT,
                    "The execution ran longer than the state machine's TimeoutSeconds.");
            return;
        } catch (HistoryLog.ExecutionAlreadyEnded e) {
            // Stopped from another thread while this step ran (a Task's function): the step's outcome is dropped.
            return;
        }
        if (main.isFinished()) {
            finish(main.result().orElseThrow());
        }
    }

    /** Stops the execution as StopExecution does. */
    public void abort(String reason) {
        abort(null, reason);
    }

    /** Stops the execution as StopExecution does, with its optional error and cause. */
    public synchronized void abort(String errorName, String reason) {
        if (!isFinished()) {
            end(ExecutionStatus.ABORTED, "ExecutionAborted", errorName, reason);
        }
    }

    /** Fails the execution with States.Runtime because the engine itself broke while advancing it. */
    public synchronized void crash(String reason) {
        if (!isFinished()) {
            fail(ErrorNames.RUNTIME, reason);
        }
    }

    public ExecutionStatus status() {
        return status;
    }

    public JsonNode output() {
        return output;
    }

    public String error() {
        return error;
    }

    public String cause() {
        return cause;
    }

    public Instant stopDate() {
        return stopDate;
    }

    public Interpreter interpreter() {
        return interpreter;
    }

    /** The main thread of the execution: its position, for persisting. */
    public ExecutionThread main() {
        return main;
    }

    private synchronized void finish(BranchResult result) {
        if (result.succeeded()) {
            ObjectNode details = Json.object();
            details.put("output", Json.write(result.output()));
            details.putObject("outputDetails").put("truncated", false);
            if (!appendEnding("ExecutionSucceeded", details)) {
                return;
            }
            output = result.output();
            stopDate = interpreter.environment().clock().now();
            // Last: a reader on another thread that sees the status sees the rest.
            status = ExecutionStatus.SUCCEEDED;
        } else {
            fail(result.error().errorName(), result.error().errorCause());
        }
    }

    private void fail(String errorName, String errorCause) {
        end(ExecutionStatus.FAILED, "ExecutionFailed", errorName, errorCause);
    }

    private synchronized void end(ExecutionStatus endStatus, String eventType, String errorName, String errorCause) {
        ObjectNode details = Json.object();
        if (errorName != null) {
            details.put("error", errorName);
        }
        if (errorCause != null) {
            details.put("cause", errorCause);
        }
        if (!appendEnding(eventType, details)) {
            return;
        }
        error = errorName;
        cause = errorCause;
        stopDate = interpreter.environment().clock().now();
        status = endStatus;
    }

    /**
     * Records the event that ends the execution, unless another thread ended it first: a StopExecution does not
     * wait for a running step, so the step and the stop race to the history, and the first ending recorded wins.
     * Callers hold this execution's monitor from here until the status is set, so the loser of that race, once
     * it has the monitor, sees the winner's status.
     */
    private boolean appendEnding(String eventType, ObjectNode details) {
        try {
            interpreter.history().append(eventType, null, details);
            return true;
        } catch (HistoryLog.ExecutionAlreadyEnded e) {
            return false;
        }
    }

    public ExecutionResult result() {
        ExecutionIdentity identity = interpreter.identity();
        return new ExecutionResult(identity.executionArn(), status, output, error, cause,
                interpreter.history().events(), identity.startTime(), stopDate);
    }
}
