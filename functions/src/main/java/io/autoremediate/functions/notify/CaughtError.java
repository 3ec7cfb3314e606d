package io.autoremediate.functions.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.functions.json.JsonFields;
import io.autoremediate.functions.json.JsonObject;


/** What a state machine Catch puts in the state: the error's name and its cause. */
public record CaughtError(String error, String cause) {

    /** Spelled as Step Functions spells a caught error. */
    public ObjectNode toJson() {
        return JsonObject.create().text("Error", error).text("Cause", cause).build();
    }

    public static CaughtError fromJson(JsonFields json) {
        return new CaughtError(json.text("Error"), json.text("Cause"));
    }
}
