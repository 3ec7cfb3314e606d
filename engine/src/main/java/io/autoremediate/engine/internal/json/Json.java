package io.autoremediate.engine.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;

/**
 * The one ObjectMapper of the engine and small helpers around it.
 *
 * <p>The engine's one rule about {@link JsonNode}s, which are mutable: <b>a value is never mutated once it has
 * been built</b>. Inputs, outputs, the context object and its parts and the values the history records are
 * therefore shared, not copied, as they flow from state to state (a path's result is the node it names; a
 * Map iteration's input is the item itself). Code that must change a value builds a new one, copying only the
 * containers on the way to the change ({@link ResultPaths}). Copies are made only where values cross the
 * engine's boundary, where callers may hold and change them: {@code ExecutionRequest} (the input),
 * {@code ExecutionResult} and {@code ExecutionDescription} (input and output), {@code HistoryEvent#details()},
 * and a function's payload and result.
 */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** An empty object sized for {@code members} members: most payloads have a few, not the 12 a map is sized for. */
    public static ObjectNode object(int members) {
        return new ObjectNode(NODES, new LinkedHashMap<>(Math.max(2, (int) Math.ceil(members / 0.75)), 0.75f));
    }

    /** Compact JSON text, as Step Functions shows inputs and outputs in its history. */
    public static String write(JsonNode node) {
        String text = JsonText.write(node);
        if (text != null) {
            return text;
        }
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise JSON", e);
        }
    }

    /** Parses JSON text, throwing {@link JsonProcessingException} when it is not JSON. */
    public static JsonNode parse(String text) throws JsonProcessingException {
        JsonNode node = MAPPER.readTree(text);
        if (node == null || node.isMissingNode()) {
            throw new JsonParseFailure("no JSON value in the text");
        }
        return node;
    }

    /** An integer as the smallest node that holds it, as parsing the same JSON text would give. */
    public static JsonNode integer(long value) {
        return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
    }

    /** An integer as the smallest node that holds it, as parsing the same JSON text would give. */
    public static JsonNode integer(java.math.BigInteger value) {
        if (value.bitLength() < Integer.SIZE) {
            return NODES.numberNode(value.intValue());
        }
        if (value.bitLength() < Long.SIZE) {
            return NODES.numberNode(value.longValue());
        }
        return NODES.numberNode(value);
    }

    /** A short description of a node's JSON type, for error messages. */
    public static String typeOf(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "array";
            case OBJECT -> "object";
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** Thrown by {@link #parse} when the text holds no value at all. */
    public static final class JsonParseFailure extends JsonProcessingException {
        private static final long serialVersionUID = 1L;

        JsonParseFailure(String message) {
            super(message);
        }
    }
}
