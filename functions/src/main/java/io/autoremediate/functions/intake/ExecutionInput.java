package io.autoremediate.functions.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.functions.json.JsonTrees;
import io.autoremediate.functions.settings.RemediationSettings;

/**
 * The state machine's input: the alarm event exactly as EventBridge delivered it, under {@code event}, and
 * the operator's settings beside it. Keeping them apart means nothing in an event can pose as a setting.
 */
public final class ExecutionInput {

    private ExecutionInput() {
    }

    public static ObjectNode of(JsonNode event, JsonNode settings) {
        ObjectNode input = JsonTrees.object();
        input.set("event", event == null ? NullNode.getInstance() : event);
        input.set("settings", RemediationSettings.validated(settings));
        return input;
    }
}
