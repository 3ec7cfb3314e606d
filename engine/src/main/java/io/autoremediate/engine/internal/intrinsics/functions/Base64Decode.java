package io.autoremediate.engine.internal.intrinsics.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.json.Json;
import java.util.List;
import java.util.Random;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import static io.autoremediate.engine.internal.intrinsics.functions.ArgType.STRING;

/** {@code States.Base64Decode(base64)}: the UTF-8 string a Base64 text (at most 10,000 characters) encodes. */
public final class Base64Decode extends IntrinsicFunction {
    static final int MAX_INPUT_CHARS = 10_000;

    public Base64Decode() {
        super("States.Base64Decode", Signature.of(Param.of("base64", STRING)));
    }

    @Override
    protected JsonNode apply(List<JsonNode> args, Random random) {
        String data = args.get(0).textValue();
        if (data.length() > MAX_INPUT_CHARS) {
            throw argumentFailure(0, "is longer than " + MAX_INPUT_CHARS + " characters");
        }
        try {
            return Json.NODES.textNode(new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw argumentFailure(0, "is not Base64: " + e.getMessage());
        }
    }
}
