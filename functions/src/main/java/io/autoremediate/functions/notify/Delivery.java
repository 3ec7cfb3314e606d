package io.autoremediate.functions.notify;

/** What became of a notice on one channel: kept in the execution's output so a lost page is visible. */
public record Delivery(String channel, boolean delivered, String detail) {

    public static Delivery ok(String channel, String detail) {
        return new Delivery(channel, true, detail);
    }

    public static Delivery failed(String channel, String detail) {
        return new Delivery(channel, false, detail);
    }
}
