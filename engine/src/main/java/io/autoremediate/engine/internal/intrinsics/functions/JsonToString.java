package io.autoremediate.engine.internal.intrinsics.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.json.Json;
import java.util.List;
import java.util.Random;

import static io.autoremediate.engine.internal.intrinsics.functions.ArgType.ANY;

/** {@code States.JsonToString(value)}: the value as compact JSON text. */
public final class JsonToString extends IntrinsicFunction {
    public JsonToString() {
        super("States.JsonToString", Signature.of(Param.of("value", ANY)));
    }

    @Override
    protected JsonNode apply(List<JsonNode> args, Random random) {
        return Json.NODES.textNode(Json.write(args.get(0)));
    }
}
