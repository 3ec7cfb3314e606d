package io.autoremediate.engine.internal.context;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.TaskTokenIssued;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One execution's task tokens around a step: those issued in the step being taken (the driver tells the
 * listeners after it), answers that come while the token's function is still being invoked (it may answer
 * before it returns, as a Lambda function may, from any thread), and recently timed-out tokens (so a late
 * answer hears TaskTimedOut). Thread-safe: an early answer must not wait for the step lock the invoking
 * thread holds.
 */
public final class TaskTokenBook {
    private static final int REMEMBERED_TIMEOUTS = 64;

    private final String executionArn;
    private final List<TaskTokenIssued> issued = new ArrayList<>();
    private final Set<String> invoking = new HashSet<>();
    private final Map<String, ObjectNode> early = new HashMap<>();
    private final Set<String> timedOut = new LinkedHashSet<>();

    public TaskTokenBook(String executionArn) {
        this.executionArn = executionArn;
    }

    /** A new token for an attempt of the Task {@code stateName}, whose function is about to be invoked. */
    public synchronized String issue(String stateName) {
        String token = TaskTokens.issue(executionArn);
        issued.add(new TaskTokenIssued(executionArn, stateName, token));
        invoking.add(token);
        return token;
    }

    /**
     * Keeps an answer (or, {@code null}, a heartbeat, which it drops) for a token whose function is still being
     * invoked; false when the token's Task is past that (the answer goes to its waiting cursor instead).
     */
    public synchronized boolean answerEarly(String token, ObjectNode answer) {
        if (!invoking.contains(token)) {
            return false;
        }
        if (answer != null) {
            early.putIfAbsent(token, answer);
        }
        return true;
    }

    /** The Task now waits for its token: from here answers go to its cursor. Returns an early answer. */
    public synchronized Optional<ObjectNode> startWaiting(String token) {
        invoking.remove(token);
        return Optional.ofNullable(early.remove(token));
    }

    /** The tokens issued since the last call, for the listeners; forgets tokens whose Task never waited. */
    public synchronized List<TaskTokenIssued> drainIssued() {
        invoking.clear();
        early.clear();
        if (issued.isEmpty()) {
            return List.of();
        }
        List<TaskTokenIssued> drained = List.copyOf(issued);
        issued.clear();
        return drained;
    }

    public synchronized void timedOut(String token) {
        timedOut.add(token);
        if (timedOut.size() > REMEMBERED_TIMEOUTS) {
            timedOut.remove(timedOut.iterator().next());
        }
    }

    public synchronized boolean hasTimedOut(String token) {
        return timedOut.contains(token);
    }
}
