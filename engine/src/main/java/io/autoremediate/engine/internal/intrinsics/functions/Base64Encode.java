package io.autoremediate.engine.internal.intrinsics.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.json.Json;
import java.util.List;
import java.util.Random;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import static io.autoremediate.engine.internal.intrinsics.functions.ArgType.STRING;

/** {@code States.Base64Encode(string)}: the UTF-8 bytes of a string (at most 10,000 characters) in Base64. */
public final class Base64Encode extends IntrinsicFunction {
    static final int MAX_INPUT_CHARS = 10_000;

    public Base64Encode() {
        super("States.Base64Encode", Signature.of(Param.of("data", STRING)));
    }

    @Override
    protected JsonNode apply(List<JsonNode> args, Random random) {
        String data = args.get(0).textValue();
        if (data.length() > MAX_INPUT_CHARS) {
            throw argumentFailure(0, "is longer than " + MAX_INPUT_CHARS + " characters");
        }
        return Json.NODES.textNode(Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8)));
    }
}
