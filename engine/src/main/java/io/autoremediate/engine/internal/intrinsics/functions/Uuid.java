package io.autoremediate.engine.internal.intrinsics.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.json.Json;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** {@code States.UUID()}: a version 4 UUID, drawn from the execution's random source. */
public final class Uuid extends IntrinsicFunction {
    public Uuid() {
        super("States.UUID", Signature.of());
    }

    @Override
    protected JsonNode apply(List<JsonNode> args, Random random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (bytes[i] & 0xff);
            least = (least << 8) | (bytes[i + 8] & 0xff);
        }
        return Json.NODES.textNode(new UUID(most, least).toString());
    }
}
