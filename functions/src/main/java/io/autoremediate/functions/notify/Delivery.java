package io.autoremediate.functions.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.functions.json.JsonObject;

/** What became of a notice on one channel: kept in the execution's output so a lost page is visible. */
public record Delivery(String channel, boolean delivered, String detail) {

    public static Delivery ok(String channel, String detail) {
        return new Delivery(channel, true, detail);
    }

    public static Delivery failed(String channel, String detail) {
        return new Delivery(channel, false, detail);
    }

    public ObjectNode toJson() {
        return JsonObject.create().text("channel", channel).bool("delivered", delivered).text("detail", detail).build();
    }
}
