package io.autoremediate.engine.internal.runtime;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.internal.json.FrozenJson;
import io.autoremediate.engine.internal.json.Json;

/**
 * The details of the events every state records, {@code {"name", "input"|"output", "inputDetails"|"outputDetails":
 * {"truncated": false}}}. The history keeps only the value and makes the details when they are read,
 * read-only ({@link FrozenJson}) with their keys shared.
 */
final class IoDetails {
    private static final ObjectNode NOT_TRUNCATED = FrozenJson.object(new String[] {"truncated"}, BooleanNode.FALSE);

    private IoDetails() {
    }

    /** Which value the event shows: what the state took in, or what it handed on. */
    enum Field {
        INPUT("input"),
        OUTPUT("output");

        private final String[] keys;

        Field(String name) {
            this.keys = new String[] {"name", name, name + "Details"};
        }

        ObjectNode details(String stateName, String json) {
            return FrozenJson.object(keys, Json.NODES.textNode(stateName), Json.NODES.textNode(json), NOT_TRUNCATED);
        }
    }
}
