package io.autoremediate.engine.internal.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.internal.json.Json;
import io.autoremediate.engine.internal.states.ForkingState;
import io.autoremediate.engine.internal.states.StateGraph;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes where an execution's threads stand as JSON and reads it back: each thread's {@link Cursor} and, in a
 * Parallel or Map state, its {@link Fork} with the running children. A child's state graph is not written;
 * it follows from the forking state of its parent, so a position reads back only against the same definition.
 */
public final class PositionCodec {
    private PositionCodec() {
    }

    public static ObjectNode write(ExecutionThread thread) {
        ObjectNode json = Json.object();
        json.set("cursor", write(thread.cursor()));
        Fork fork = thread.fork();
        if (fork != null) {
            ObjectNode forkJson = json.putObject("fork");
            forkJson.set("inputs", fork.inputs());
            forkJson.put("maxConcurrency", fork.maxConcurrency());
            forkJson.put("started", fork.started());
            forkJson.put("failures", fork.failures());
            ArrayNode results = forkJson.putArray("results");
            for (int i = 0; i < fork.size(); i++) {
                if (fork.result(i) != null) {
                    results.addObject().put("index", i).set("output", fork.result(i));
                }
            }
            ArrayNode active = forkJson.putArray("active");
            for (Map.Entry<Integer, ExecutionThread> child : fork.active().entrySet()) {
                active.addObject().put("index", child.getKey()).set("thread", write(child.getValue()));
            }
        }
        return json;
    }

    public static ExecutionThread read(JsonNode json, StateGraph graph) {
        Cursor cursor = readCursor(json.get("cursor"));
        ExecutionThread thread = new ExecutionThread(graph, cursor);
        JsonNode forkJson = json.get("fork");
        if (forkJson != null) {
            Fork fork = new Fork((ArrayNode) forkJson.get("inputs"), forkJson.get("maxConcurrency").intValue());
            fork.restoreStarted(forkJson.get("started").intValue());
            // Positions persisted before tolerated failures existed have no count: no child had failed then.
            fork.restoreFailures(forkJson.path("failures").asInt(0));
            for (JsonNode result : forkJson.get("results")) {
                fork.succeeded(result.get("index").intValue(), result.get("output"));
            }
            ForkingState state = (ForkingState) graph.state(cursor.stateName());
            for (JsonNode child : forkJson.get("active")) {
                int index = child.get("index").intValue();
                fork.put(index, read(child.get("thread"), state.childGraph(index)));
            }
            thread.forked(cursor, fork);
        }
        return thread;
    }

    static ObjectNode write(Cursor cursor) {
        ObjectNode json = Json.object();
        json.put("state", cursor.stateName());
        json.set("input", cursor.input());
        json.put("phase", cursor.phase().name());
        putInstant(json, "enteredTime", cursor.enteredTime());
        json.put("enteredEventId", cursor.enteredEventId());
        json.put("retryCount", cursor.retryCount());
        ArrayNode attempts = json.putArray("retrierAttempts");
        cursor.retrierAttempts().forEach(attempts::add);
        putInstant(json, "resumeAt", cursor.resumeAt());
        if (cursor.carried() != null) {
            json.set("carried", cursor.carried());
        }
        return json;
    }

    static Cursor readCursor(JsonNode json) {
        List<Integer> attempts = new ArrayList<>();
        json.get("retrierAttempts").forEach(n -> attempts.add(n.intValue()));
        return new Cursor(json.get("state").textValue(), json.get("input"),
                Cursor.Phase.valueOf(json.get("phase").textValue()), instant(json, "enteredTime"),
                json.get("enteredEventId").longValue(), json.get("retryCount").intValue(), attempts,
                instant(json, "resumeAt"), json.get("carried"));
    }

    public static void putInstant(ObjectNode json, String field, Instant value) {
        if (value != null) {
            json.put(field, value.toString());
        }
    }

    public static Instant instant(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : Instant.parse(value.textValue());
    }
}
