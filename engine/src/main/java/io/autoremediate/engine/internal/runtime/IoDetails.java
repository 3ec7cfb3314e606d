package io.autoremediate.engine.internal.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.internal.json.FrozenJson;
import io.autoremediate.engine.internal.json.Json;

/**
 * The details of the events every state records, {@code {"name", "input"|"output", "inputDetails"|"outputDetails":
 * {"truncated": false}}}, built read-only ({@link FrozenJson}) with their keys shared: an execution keeps one
 * per state entered and one per state exited until it ends.
 */
final class IoDetails {
    private static final String[] NAMED_INPUT = {"name", "input", "inputDetails"};
    private static final String[] NAMED_OUTPUT = {"name", "output", "outputDetails"};
    private static final ObjectNode NOT_TRUNCATED = FrozenJson.object(new String[] {"truncated"}, BooleanNode.FALSE);

    private IoDetails() {
    }

    static ObjectNode input(String stateName, String json) {
        return FrozenJson.object(NAMED_INPUT, Json.NODES.textNode(stateName), Json.NODES.textNode(json),
                NOT_TRUNCATED);
    }

    static ObjectNode output(String stateName, String json) {
        return FrozenJson.object(NAMED_OUTPUT, Json.NODES.textNode(stateName), Json.NODES.textNode(json),
                NOT_TRUNCATED);
    }

    /**
     * JSON text of the values one execution records, remembering the last: a state's output is the next state's
     * input, and a Choice or a Pass without paths passes its input on as it is, so the same value (the same node:
     * values are not mutated once built, see {@link Json}) is often recorded two to four times in a row. Used by
     * the one thread advancing the execution.
     */
    static final class TextCache {
        private JsonNode last;
        private String lastText;

        String textOf(JsonNode value) {
            if (value != last) {
                lastText = Json.write(value);
                last = value;
            }
            return lastText;
        }
    }
}
