package io.autoremediate.functions.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** Builds the JSON object of a record, leaving out absent (null) fields as the steps' output always has. */
public final class JsonObject {

    private final ObjectNode node = JsonTrees.object();

    public static JsonObject create() {
        return new JsonObject();
    }

    public JsonObject text(String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
        return this;
    }

    public JsonObject text(String name, Enum<?> value) {
        return text(name, value == null ? null : value.name());
    }

    /** As ISO-8601 in UTC, e.g. {@code 2026-11-25T10:17:00.989Z}. */
    public JsonObject time(String name, Instant value) {
        return text(name, value == null ? null : value.toString());
    }

    public JsonObject number(String name, long value) {
        node.put(name, value);
        return this;
    }

    public JsonObject number(String name, int value) {
        node.put(name, value);
        return this;
    }

    public JsonObject bool(String name, boolean value) {
        node.put(name, value);
        return this;
    }

    public JsonObject bool(String name, Boolean value) {
        if (value != null) {
            node.put(name, value);
        }
        return this;
    }

    public JsonObject node(String name, JsonNode value) {
        if (value != null) {
            node.set(name, value);
        }
        return this;
    }

    public JsonObject texts(String name, Collection<String> values) {
        if (values != null) {
            ArrayNode array = node.putArray(name);
            values.forEach(array::add);
        }
        return this;
    }

    public JsonObject textMap(String name, Map<String, String> values) {
        if (values != null) {
            ObjectNode object = node.putObject(name);
            values.forEach(object::put);
        }
        return this;
    }

    public ObjectNode build() {
        return node;
    }
}
