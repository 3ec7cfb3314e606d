package io.autoremediate.engine.internal.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.EngineClock;
import io.autoremediate.engine.ExecutionListener;
import io.autoremediate.engine.HistoryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An execution's event history. It enforces the Standard workflow quota: the last allowed event must end
 * the execution, so any other event in that slot raises {@link HistoryLimitReached}.
 */
public final class HistoryLog {
    /** Step Functions' hard quota of events in one Standard execution's history. */
    public static final int DEFAULT_EVENT_LIMIT = 25_000;

    private static final Set<String> TASK_ENDINGS = Set.of("LambdaFunctionSucceeded", "LambdaFunctionFailed",
            "LambdaFunctionTimedOut", "TaskSucceeded", "TaskFailed", "TaskTimedOut",
            // A callback Task's invocation has ended too: persisted, so the function is not invoked again.
            "TaskSubmitted");
    private static final Set<String> EXECUTION_ENDINGS = Set.of("ExecutionSucceeded", "ExecutionFailed",
            "ExecutionTimedOut", "ExecutionAborted");

    private final List<HistoryEvent> events = new ArrayList<>();
    private final EngineClock clock;
    private final ExecutionListener listener;
    private final int limit;
    private volatile long taskEndings;

    public HistoryLog(EngineClock clock, ExecutionListener listener, int limit) {
        this(clock, listener, limit, List.of());
    }

    /** A history that continues {@code earlier} events (read back from where they were persisted). */
    public HistoryLog(EngineClock clock, ExecutionListener listener, int limit, List<HistoryEvent> earlier) {
        this.clock = clock;
        this.listener = listener;
        this.limit = limit;
        for (int i = 0; i < earlier.size(); i++) {
            if (earlier.get(i).id() != i + 1) {
                throw new IllegalArgumentException("history events must be numbered from 1 without gaps, but event "
                        + (i + 1) + " has id " + earlier.get(i).id());
            }
        }
        events.addAll(earlier);
        taskEndings = earlier.stream().filter(e -> TASK_ENDINGS.contains(e.type())).count();
    }

    /**
     * Appends an event and tells the listener; returns the new event's id.
     *
     * @throws ExecutionAlreadyEnded once an event has ended the execution: whatever a step still running then
     *                               (a Task whose function returns after StopExecution) would record is dropped
     */
    public synchronized long append(String type, String stateName, ObjectNode details) {
        if (!events.isEmpty() && EXECUTION_ENDINGS.contains(events.get(events.size() - 1).type())) {
            throw new ExecutionAlreadyEnded();
        }
        long id = events.size() + 1L;
        if (id >= limit && !EXECUTION_ENDINGS.contains(type)) {
            throw new HistoryLimitReached(limit);
        }
        HistoryEvent event = new HistoryEvent(id, id - 1, clock.now(), type, stateName, details);
        events.add(event);
        if (TASK_ENDINGS.contains(type)) {
            taskEndings++;
        }
        listener.onEvent(event);
        return id;
    }

    public synchronized List<HistoryEvent> events() {
        return List.copyOf(events);
    }

    /** Events from index {@code from} (0-based) on. */
    public synchronized List<HistoryEvent> eventsFrom(int from) {
        return List.copyOf(events.subList(Math.min(from, events.size()), events.size()));
    }

    public synchronized int size() {
        return events.size();
    }

    /** How many task attempts have ended (succeeded, failed or timed out), so a driver can persist each. */
    public long taskEndings() {
        return taskEndings;
    }

    /** The execution has ended (its last event says how), so nothing more is recorded. */
    public static final class ExecutionAlreadyEnded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ExecutionAlreadyEnded() {
            super("the execution has already ended", null, false, false);
        }
    }

    /** The execution reached the history quota; it fails with States.Runtime as Step Functions does. */
    public static final class HistoryLimitReached extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HistoryLimitReached(int limit) {
            super("The execution reached the maximum number of history events (" + limit + ").");
        }
    }
}
