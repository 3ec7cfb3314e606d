package io.autoremediate.engine.internal.journal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.internal.json.Json;
import io.autoremediate.engine.internal.runtime.HistoryLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one journal's history events compactly, as a checkpoint line's {@code names} and {@code log} (read by
 * {@link HistoryDecoder}). Each event is {@code [name, time]} plus, when it has them, its details: {@code name}
 * indexes the journal's table of (type, state, kind) entries, each written once, in the line that first uses it;
 * {@code time} is nanoseconds since the previous event. A state's entered or exited event carries its value's JSON
 * text only when the value differs from the previous such event's (a Choice or Pass hands its input on
 * unchanged), so most states' values are written once, not in two or three events.
 *
 * <p>A batch is encoded, then {@link #commit committed} once its line is written, so a failed write leaves the
 * encoder as the journal file is.
 */
final class HistoryEncoder {
    static final int PLAIN = 0;
    static final int INPUT = 1;
    static final int OUTPUT = 2;

    private static final JsonStringEncoder STRINGS = JsonStringEncoder.getInstance();
    /** How many recently used names a batch looks up by identity first. */
    private static final int RECENT = 8;

    /** An entry of the names table: what an event's first number stands for. */
    record Name(String type, String stateName, int kind) {
    }

    private final Map<Name, Integer> names = new HashMap<>();
    private long previousNanos;
    private Object previousValue;

    /** An encoder for a new journal. */
    HistoryEncoder() {
    }

    /** An encoder that goes on with a journal read back: its names table and the time of its last event. */
    HistoryEncoder(List<Name> table, long lastNanos) {
        for (int i = 0; i < table.size(); i++) {
            names.put(table.get(i), i);
        }
        previousNanos = lastNanos;
    }

    /** The events of one line, and what the encoder learns once the line is written. */
    final class Batch implements HistoryLog.Reader {
        private final String[] recentTypes = new String[RECENT];
        private final String[] recentStates = new String[RECENT];
        private final int[] recentKinds = new int[RECENT];
        private final int[] recentIndexes = new int[RECENT];
        private int nextRecent;
        private final StringBuilder log;
        private final StringBuilder newNames = new StringBuilder().append('[');
        private final List<Name> added = new ArrayList<>();
        private final Map<Name, Integer> addedIndex = new HashMap<>();
        private long lastNanos = previousNanos;
        private Object lastValue = previousValue;
        private int count;

        Batch(int events) {
            log = new StringBuilder(16 + events * 16).append('[');
        }

        @Override
        public void event(long seconds, int nanos, String type, String stateName, ObjectNode details) {
            start(seconds, nanos, type, stateName, PLAIN);
            if (details != null && !details.isEmpty()) {
                log.append(',').append(Json.write(details));
            }
            log.append(']');
        }

        @Override
        public void value(long seconds, int nanos, String type, String stateName, boolean input, Object value) {
            start(seconds, nanos, type, stateName, input ? INPUT : OUTPUT);
            if (value != lastValue) {
                String text = value instanceof String recorded ? recorded : Json.write((JsonNode) value);
                log.append(",\"");
                STRINGS.quoteAsString(text, log);
                log.append('"');
                lastValue = value;
            }
            log.append(']');
        }

        private void start(long seconds, int nanos, String type, String stateName, int kind) {
            if (count++ > 0) {
                log.append(',');
            }
            long at = seconds * 1_000_000_000L + nanos;
            log.append('[').append(nameIndex(type, stateName, kind)).append(',').append(at - lastNanos);
            lastNanos = at;
        }

        private int nameIndex(String type, String stateName, int kind) {
            // A history repeats a few names, with the same String objects (the definition's state names, the
            // event types' constants), so most lookups end here, without hashing the strings.
            for (int i = 0; i < RECENT; i++) {
                if (recentTypes[i] == type && recentStates[i] == stateName && recentKinds[i] == kind) {
                    return recentIndexes[i];
                }
            }
            int index = lookUp(type, stateName, kind);
            int slot = nextRecent++ % RECENT;
            recentTypes[slot] = type;
            recentStates[slot] = stateName;
            recentKinds[slot] = kind;
            recentIndexes[slot] = index;
            return index;
        }

        private int lookUp(String type, String stateName, int kind) {
            Name name = new Name(type, stateName, kind);
            Integer index = names.get(name);
            if (index == null) {
                index = addedIndex.get(name);
            }
            if (index == null) {
                index = names.size() + added.size();
                if (!added.isEmpty()) {
                    newNames.append(',');
                }
                newNames.append('[');
                quoted(type);
                newNames.append(',');
                if (stateName == null) {
                    newNames.append("null");
                } else {
                    quoted(stateName);
                }
                newNames.append(',').append(kind).append(']');
                added.add(name);
                addedIndex.put(name, index);
            }
            return index;
        }

        private void quoted(String text) {
            newNames.append('"');
            STRINGS.quoteAsString(text, newNames);
            newNames.append('"');
        }

        int count() {
            return count;
        }

        /** Appends {@code ,"names":[...]} (when this batch adds names) and {@code ,"log":[...]} to a line. */
        void appendTo(StringBuilder line) {
            if (!added.isEmpty()) {
                line.append(",\"names\":").append(newNames).append(']');
            }
            line.append(",\"log\":").append(log).append(']');
        }
    }

    /** Encodes the events from index {@code from} (0-based) on. */
    Batch encode(HistoryLog history, int from) {
        Batch batch = new Batch(Math.max(0, history.size() - from));
        history.read(from, batch);
        return batch;
    }

    /** The batch's line is written: later batches refer to its names, time and value. */
    void commit(Batch batch) {
        for (Name name : batch.added) {
            names.put(name, batch.addedIndex.get(name));
        }
        previousNanos = batch.lastNanos;
        previousValue = batch.lastValue;
    }
}
