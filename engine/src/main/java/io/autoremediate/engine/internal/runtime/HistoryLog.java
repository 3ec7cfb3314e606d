package io.autoremediate.engine.internal.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.EngineClock;
import io.autoremediate.engine.ExecutionListener;
import io.autoremediate.engine.HistoryEvent;
import io.autoremediate.engine.internal.json.FrozenJson;
import io.autoremediate.engine.internal.json.Json;
import java.time.Instant;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import java.util.Set;

/**
 * An execution's event history. It enforces the Standard workflow quota: the last allowed event must end
 * the execution, so any other event in that slot raises {@link HistoryLimitReached}.
 *
 * <p>An execution keeps its whole history until it ends (20,000 events for 10,000 states), so the events are
 * kept in columns (arrays) rather than as objects, and {@link HistoryEvent}s are made only when read. The
 * events states record for every value they take in and hand on keep the value itself, which the execution
 * holds anyway or which is small, and write its JSON text when the event is read: values are not mutated once
 * built (see {@link Json}), so the text is the one the value had when recorded. The garbage collector then has
 * no object per event to keep, and most values' text is never written at all.
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
    private static final int INITIAL_CAPACITY = 8;
    /**
     * Events per chunk. The first chunk grows by doubling up to this (most executions have few events); later
     * ones are made whole, so a long history is never copied to grow.
     */
    private static final int CHUNK = 1024;

    private final EngineClock clock;
    private final ExecutionListener listener;
    private final int limit;
    private Columns[] chunks = {new Columns(INITIAL_CAPACITY)};
    private int size;
    private boolean ended;
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
            HistoryEvent event = earlier.get(i);
            if (event.id() != i + 1) {
                throw new IllegalArgumentException("history events must be numbered from 1 without gaps, but event "
                        + (i + 1) + " has id " + event.id());
            }
            restore(event.timestamp(), event.type(), event.stateName(), event.details());
        }
    }

    /**
     * Appends an event read back from where it was persisted, before the execution goes on: the listener is not
     * told and the quota is not checked again.
     */
    public synchronized void restore(Instant at, String type, String stateName, ObjectNode details) {
        restored(at, type, stateName, FrozenJson.freeze(details == null ? FrozenJson.EMPTY : details), null);
    }

    /**
     * Appends a state's value event read back from where it was persisted, with the value's JSON text as recorded
     * ({@code input}: what the state took in, else what it handed on). Pass the same text object for events that
     * showed the same value: {@link #read} hands it on as their value.
     */
    public synchronized void restoreValue(Instant at, String type, String stateName, boolean input, String text) {
        restored(at, type, stateName, input ? IoDetails.Field.INPUT : IoDetails.Field.OUTPUT, text);
    }

    private void restored(Instant at, String type, String stateName, Object details, Object value) {
        add(at, type, stateName, details, value);
        ended = EXECUTION_ENDINGS.contains(type);
        if (TASK_ENDINGS.contains(type)) {
            taskEndings++;
        }
    }

    /** Reads events as the history keeps them, so they can be persisted without making {@link HistoryEvent}s. */
    public interface Reader {
        /** An event and its read-only details; the time is {@code seconds} and {@code nanos} of the epoch. */
        void event(long seconds, int nanos, String type, String stateName, ObjectNode details);

        /**
         * A state's event showing one value: what it took in ({@code input}) or what it handed on. The value is
         * its {@link JsonNode} or, for an event read back with {@link #restoreValue}, its JSON text; events that
         * showed the same value (one the state handed on unchanged) give the same object.
         */
        void value(long seconds, int nanos, String type, String stateName, boolean input, Object value);
    }

    /** Hands events from index {@code from} (0-based) on to {@code reader}, oldest first. */
    public void read(int from, Reader reader) {
        Columns[] snapshot;
        int end;
        synchronized (this) {
            snapshot = chunks.clone();
            end = size;
        }
        // Slots below the size never change, so they are read without the lock.
        for (int index = from; index < end; index++) {
            snapshot[index / CHUNK].read(index % CHUNK, reader);
        }
    }

    /**
     * Appends an event and tells the listener; returns the new event's id.
     *
     * @throws ExecutionAlreadyEnded once an event has ended the execution: whatever a step still running then
     *                               (a Task whose function returns after StopExecution) would record is dropped
     */
    public synchronized long append(String type, String stateName, ObjectNode details) {
        long id = record(type, stateName, FrozenJson.freeze(details == null ? FrozenJson.EMPTY : details), null);
        if (TASK_ENDINGS.contains(type)) {
            taskEndings++;
        }
        return id;
    }

    /**
     * Appends a state's event whose details show one value it took in or handed on ({@code StateEntered},
     * {@code StateExited}); returns the new event's id.
     */
    public synchronized long appendValue(String type, String stateName, IoDetails.Field field, JsonNode value) {
        return record(type, stateName, field, value);
    }

    private long record(String type, String stateName, Object details, JsonNode value) {
        if (ended) {
            throw new ExecutionAlreadyEnded();
        }
        long id = size + 1L;
        if (id >= limit && !EXECUTION_ENDINGS.contains(type)) {
            throw new HistoryLimitReached(limit);
        }
        add(clock.now(), type, stateName, details, value);
        ended = EXECUTION_ENDINGS.contains(type);
        if (listener != ExecutionListener.NONE) {
            listener.onEvent(event(chunks, size - 1));
        }
        return id;
    }

    private void add(Instant at, String type, String stateName, Object details, Object value) {
        int chunk = size / CHUNK;
        int slot = size % CHUNK;
        if (chunk == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunk + 1);
            chunks[chunk] = new Columns(CHUNK);
        } else if (slot == chunks[chunk].capacity()) {
            chunks[chunk] = chunks[chunk].grown();
        }
        chunks[chunk].set(slot, at, type, stateName, details, value);
        size++;
    }

    private static HistoryEvent event(Columns[] chunks, int index) {
        return chunks[index / CHUNK].event(index % CHUNK, index + 1L);
    }

    /** The events so far, oldest first: a read-only list that later events do not change. */
    public synchronized List<HistoryEvent> events() {
        return new Snapshot(chunks.clone(), 0, size);
    }

    /** Events from index {@code from} (0-based) on. */
    public synchronized List<HistoryEvent> eventsFrom(int from) {
        int start = Math.min(from, size);
        return new Snapshot(chunks.clone(), start, size - start);
    }

    public synchronized int size() {
        return size;
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

    /** Whether the list is a history snapshot, which needs no copy to be kept: it cannot change. */
    public static boolean isSnapshot(List<HistoryEvent> events) {
        return events instanceof Snapshot;
    }

    /**
     * One chunk of events' fields, by slot. {@code details} holds the frozen details, or for a value event its
     * {@link IoDetails.Field} with the value in {@code values}. Slots below the log's size never change, so a
     * snapshot may go on reading arrays the log has since outgrown.
     */
    private record Columns(long[] seconds, int[] nanos, String[] types, String[] stateNames, Object[] details,
                           Object[] values) {
        Columns(int capacity) {
            this(new long[capacity], new int[capacity], new String[capacity], new String[capacity],
                    new Object[capacity], new Object[capacity]);
        }

        int capacity() {
            return types.length;
        }

        Columns grown() {
            int capacity = capacity() * 2;
            return new Columns(Arrays.copyOf(seconds, capacity), Arrays.copyOf(nanos, capacity),
                    Arrays.copyOf(types, capacity), Arrays.copyOf(stateNames, capacity),
                    Arrays.copyOf(details, capacity), Arrays.copyOf(values, capacity));
        }

        void set(int index, Instant at, String type, String stateName, Object eventDetails, Object value) {
            seconds[index] = at.getEpochSecond();
            nanos[index] = at.getNano();
            types[index] = type;
            stateNames[index] = stateName;
            details[index] = eventDetails;
            values[index] = value;
        }

        HistoryEvent event(int slot, long id) {
            Object stored = details[slot];
            ObjectNode eventDetails = stored instanceof IoDetails.Field field
                    ? field.details(stateNames[slot], values[slot] instanceof String text ? text
                            : Json.write((JsonNode) values[slot]))
                    : (ObjectNode) stored;
            return new HistoryEvent(id, id - 1, Instant.ofEpochSecond(seconds[slot], nanos[slot]),
                    types[slot], stateNames[slot], eventDetails);
        }

        void read(int slot, Reader reader) {
            if (details[slot] instanceof IoDetails.Field field) {
                reader.value(seconds[slot], nanos[slot], types[slot], stateNames[slot], field == IoDetails.Field.INPUT,
                        values[slot]);
            } else {
                reader.event(seconds[slot], nanos[slot], types[slot], stateNames[slot], (ObjectNode) details[slot]);
            }
        }
    }

    /** Events {@code from} to {@code from + size} of the chunks, made as they are read. */
    private static final class Snapshot extends AbstractList<HistoryEvent> implements RandomAccess {
        private final Columns[] chunks;
        private final int from;
        private final int size;

        Snapshot(Columns[] chunks, int from, int size) {
            this.chunks = chunks;
            this.from = from;
            this.size = size;
        }

        @Override
        public HistoryEvent get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException("index " + index + ", size " + size);
            }
            return event(chunks, from + index);
        }

        @Override
        public int size() {
            return size;
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
