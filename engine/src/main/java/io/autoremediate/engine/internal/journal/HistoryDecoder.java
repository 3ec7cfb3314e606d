package io.autoremediate.engine.internal.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.internal.runtime.HistoryLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads back the events {@link HistoryEncoder} wrote, line by line in the journal's order: each line's names
 * extend the table, times add up, and an entered or exited event without text shows the previous one's value.
 */
final class HistoryDecoder {
    private static final long NANOS = 1_000_000_000L;

    /** One event read back, to be restored into a history once its line is known to be whole. */
    record Event(Instant at, String type, String stateName, int kind, ObjectNode details, String text) {
        void restoreInto(HistoryLog history) {
            if (kind == HistoryEncoder.PLAIN) {
                history.restore(at, type, stateName, details);
            } else {
                history.restoreValue(at, type, stateName, kind == HistoryEncoder.INPUT, text);
            }
        }
    }

    private final List<HistoryEncoder.Name> names = new ArrayList<>();
    private long previousNanos;
    private String previousText;

    /** An encoder that goes on where the lines read so far end. */
    HistoryEncoder encoder() {
        return new HistoryEncoder(names, previousNanos);
    }

    /**
     * The events of one checkpoint line; the decoder moves on past the line only if all of it reads.
     *
     * @throws IllegalArgumentException when the line does not hold what the encoder writes
     */
    List<Event> decode(JsonNode line) {
        List<HistoryEncoder.Name> table = new ArrayList<>(names);
        for (JsonNode name : line.path("names")) {
            JsonNode state = name.get(1);
            table.add(new HistoryEncoder.Name(name.get(0).textValue(), state.isNull() ? null : state.textValue(),
                    name.get(2).intValue()));
        }
        JsonNode log = line.get("log");
        if (log == null || !log.isArray()) {
            throw new IllegalArgumentException("a checkpoint without its log");
        }
        List<Event> events = new ArrayList<>(log.size());
        long at = previousNanos;
        String text = previousText;
        for (JsonNode entry : log) {
            HistoryEncoder.Name name = table.get(entry.get(0).intValue());
            at += entry.get(1).longValue();
            JsonNode details = entry.get(2);
            Instant time = Instant.ofEpochSecond(Math.floorDiv(at, NANOS), Math.floorMod(at, NANOS));
            if (name.kind() == HistoryEncoder.PLAIN) {
                events.add(new Event(time, name.type(), name.stateName(), name.kind(),
                        details == null ? null : (ObjectNode) details, null));
            } else {
                if (details != null) {
                    text = details.textValue();
                }
                if (text == null) {
                    throw new IllegalArgumentException("a value event without a value before it");
                }
                events.add(new Event(time, name.type(), name.stateName(), name.kind(), null, text));
            }
        }
        names.clear();
        names.addAll(table);
        previousNanos = at;
        previousText = text;
        return events;
    }
}
