package io.autoremediate.engine.internal.intrinsics.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.json.Json;
import java.util.List;
import java.util.Random;
import com.fasterxml.jackson.core.JsonProcessingException;
import static io.autoremediate.engine.internal.intrinsics.functions.ArgType.STRING;

/** {@code States.StringToJson(string)}: parses an escaped JSON string into JSON. */
public final class StringToJson extends IntrinsicFunction {
    public StringToJson() {
        super("States.StringToJson", Signature.of(Param.of("string", STRING)));
    }

    @Override
    protected JsonNode apply(List<JsonNode> args, Random random) {
        try {
            return Json.parse(args.get(0).textValue());
        } catch (JsonProcessingException e) {
            throw argumentFailure(0, "is not JSON: " + args.get(0).textValue());
        }
    }
}
