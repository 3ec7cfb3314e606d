package io.autoremediate.engine.internal.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.internal.json.Json;
import io.autoremediate.engine.internal.runtime.Execution;
import io.autoremediate.engine.internal.context.ExecutionIdentity;
import io.autoremediate.engine.internal.runtime.PositionCodec;
import java.time.Instant;

/**
 * The lines of a journal, one JSON object each, told apart by {@code "record"}: one {@code started} line
 * (the execution's identity and its definition), then {@code checkpoint} lines (the event count so far, the
 * status and position, and the events since the last checkpoint, see {@link HistoryEncoder}). Journals written
 * before the events moved into the checkpoint lines have an {@code event} line per event instead; they are
 * still read.
 */
final class JournalRecords {
    static final String STARTED = "started";
    static final String EVENT = "event";
    static final String CHECKPOINT = "checkpoint";

    private JournalRecords() {
    }

    static ObjectNode started(ExecutionIdentity identity, Instant deadline, String definitionJson) {
        ObjectNode json = record(STARTED);
        json.put("executionArn", identity.executionArn());
        json.put("name", identity.executionName());
        json.put("stateMachineArn", identity.stateMachineArn());
        json.put("stateMachineName", identity.stateMachineName());
        json.set("input", identity.input());
        PositionCodec.putInstant(json, "startTime", identity.startTime());
        json.put("roleArn", identity.roleArn());
        PositionCodec.putInstant(json, "deadline", deadline);
        json.put("definition", definitionJson);
        return json;
    }

    static ExecutionIdentity identity(JsonNode started) {
        return new ExecutionIdentity(started.get("executionArn").textValue(), started.get("name").textValue(),
                started.get("stateMachineArn").textValue(), started.get("stateMachineName").textValue(),
                started.get("input"), PositionCodec.instant(started, "startTime"), started.get("roleArn").textValue());
    }

    /** An event line of the older layout, which wrote each event whole before its checkpoint line. */
    static HistoryDecoder.Event event(JsonNode json) {
        JsonNode stateName = json.get("stateName");
        return new HistoryDecoder.Event(PositionCodec.instant(json, "timestamp"), json.get("type").textValue(),
                stateName == null ? null : stateName.textValue(), HistoryEncoder.PLAIN, (ObjectNode) json.get("details"),
                null);
    }

    static ObjectNode checkpoint(Execution execution, long events) {
        ObjectNode json = record(CHECKPOINT);
        json.put("events", events);
        json.put("status", execution.status().name());
        if (execution.isFinished()) {
            if (execution.output() != null) {
                json.set("output", execution.output());
            }
            putText(json, "error", execution.error());
            putText(json, "cause", execution.cause());
            PositionCodec.putInstant(json, "stopDate", execution.stopDate());
        } else {
            json.set("main", PositionCodec.write(execution.main()));
        }
        return json;
    }

    private static void putText(ObjectNode json, String field, String value) {
        if (value != null) {
            json.put(field, value);
        }
    }

    static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.textValue();
    }

    private static ObjectNode record(String type) {
        ObjectNode json = Json.object();
        json.put("record", type);
        return json;
    }

    static String line(JsonNode record) {
        return Json.write(record) + "\n";
    }
}
