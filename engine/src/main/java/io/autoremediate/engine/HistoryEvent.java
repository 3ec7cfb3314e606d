package io.autoremediate.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.internal.json.FrozenJson;
import io.autoremediate.engine.internal.json.Json;
import io.autoremediate.engine.internal.json.Timestamps;
import java.time.Instant;
import java.util.Objects;

/**
 * One event of an execution's history, as GetExecutionHistory returns it (Step Functions API,
 * "HistoryEvent"). {@code details} holds the fields of the {@code <type>EventDetails} object and is empty
 * for event types without details.
 *
 * <p>The event keeps a read-only copy of the details (none is made when they are read-only already, as the
 * engine builds them); {@link #details()} returns a copy the caller may change.
 *
 * @param stateName the state the event belongs to, or {@code null} for execution-level events
 */
public record HistoryEvent(long id, long previousEventId, Instant timestamp, String type, String stateName,
                           ObjectNode details) {
    public HistoryEvent {
        if (id < 1 || previousEventId < 0 || previousEventId >= id) {
            throw new IllegalArgumentException("event ids must start at 1 and point backwards: id " + id
                    + ", previous " + previousEventId);
        }
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(type, "type");
        details = details == null ? FrozenJson.EMPTY : FrozenJson.freeze(details);
    }

    /** A copy of the details, so the event stays immutable. */
    @Override
    public ObjectNode details() {
        return details.deepCopy();
    }

    /** The name of the details field in GetExecutionHistory, e.g. {@code stateEnteredEventDetails}. */
    public String detailsFieldName() {
        return detailsFieldName(type);
    }

    static String detailsFieldName(String type) {
        if (type.endsWith("StateEntered")) {
            return "stateEnteredEventDetails";
        }
        if (type.endsWith("StateExited")) {
            return "stateExitedEventDetails";
        }
        return Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventDetails";
    }

    /** The event in GetExecutionHistory's JSON shape. */
    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("timestamp", Timestamps.format(timestamp));
        json.put("type", type);
        json.put("id", id);
        json.put("previousEventId", previousEventId);
        if (!details.isEmpty()) {
            json.set(detailsFieldName(), details.deepCopy());
        }
        return json;
    }
}
