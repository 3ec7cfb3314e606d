package io.autoremediate.engine.internal.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.TaskDoesNotExistException;
import io.autoremediate.engine.TaskTimedOutException;
import io.autoremediate.engine.TaskTokenIssued;
import io.autoremediate.engine.internal.states.TaskState;
import io.autoremediate.engine.internal.task.CallbackTask;
import io.autoremediate.engine.internal.context.TaskTokenBook;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Answers to task tokens (SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat) delivered into an execution:
 * the thread whose Task waits for the token gets the answer in its cursor and becomes due. The caller holds
 * the execution's step lock, except for {@link #answerWhileInvoking}.
 */
public final class Callbacks {
    private Callbacks() {
    }

    /**
     * Takes an answer ({@code null}: a heartbeat) for a token whose function is still being invoked, without
     * the step lock (the invoking thread holds it); false when the caller must take the lock and
     * {@link #answer} or {@link #heartbeat}.
     */
    public static boolean answerWhileInvoking(Execution execution, String token, ObjectNode answer) {
        return execution.interpreter().taskTokens().answerEarly(token, answer);
    }

    /**
     * Gives the waiting Task its answer ({@code {"output": …}} or {@code {"error": …, "cause": …}}).
     *
     * @throws TaskDoesNotExistException when no Task of the execution waits for the token
     * @throws TaskTimedOutException     when the Task's time is up
     */
    public static void answer(Execution execution, String token, ObjectNode answer, Instant now) {
        ExecutionThread thread = waiting(execution, token, now);
        Cursor cursor = thread.cursor();
        thread.moveTo(cursor.suspended(now, CallbackTask.answered(cursor.carried(), answer)));
    }

    /** SendTaskHeartbeat: moves the waiting Task's heartbeat deadline on. */
    public static void heartbeat(Execution execution, String token, Instant now) {
        ExecutionThread thread = waiting(execution, token, now);
        Cursor cursor = thread.cursor();
        ObjectNode wait = CallbackTask.heartbeat(cursor.carried(), now);
        thread.moveTo(cursor.suspended(CallbackTask.wakeAt(wait, now), wait));
    }

    /** The tokens issued in the last step whose Tasks now wait, for the listeners. */
    public static List<TaskTokenIssued> drainIssued(Execution execution) {
        List<TaskTokenIssued> drained = execution.interpreter().taskTokens().drainIssued();
        if (drained.isEmpty()) {
            return drained;
        }
        return drained.stream()
                .filter(issued -> !execution.isFinished() && find(execution.main(), issued.taskToken()) != null)
                .toList();
    }

    /** The thread waiting for the token. */
    private static ExecutionThread waiting(Execution execution, String token, Instant now) {
        TaskTokenBook book = execution.interpreter().taskTokens();
        if (execution.isFinished()) {
            throw new TaskDoesNotExistException(token, "its execution has ended");
        }
        ExecutionThread thread = find(execution.main(), token);
        if (thread == null) {
            if (book.hasTimedOut(token)) {
                throw new TaskTimedOutException(token);
            }
            throw new TaskDoesNotExistException(token, "it was answered already or its task has ended");
        }
        JsonNode wait = thread.cursor().carried();
        if (CallbackTask.isAnswered(wait)) {
            throw new TaskDoesNotExistException(token, "it was answered already");
        }
        if (!now.isBefore(CallbackTask.wakeAt(wait, now))) {
            throw new TaskTimedOutException(token);
        }
        return thread;
    }

    private static ExecutionThread find(ExecutionThread thread, String token) {
        Cursor cursor = thread.cursor();
        if (cursor == null) {
            return null;
        }
        if (thread.fork() != null) {
            for (Map.Entry<Integer, ExecutionThread> child : thread.fork().active().entrySet()) {
                ExecutionThread found = find(child.getValue(), token);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        boolean waits = cursor.phase() == Cursor.Phase.RESUME
                && thread.graph().state(cursor.stateName()) instanceof TaskState
                && CallbackTask.waitsFor(cursor.carried(), token);
        return waits ? thread : null;
    }
}
