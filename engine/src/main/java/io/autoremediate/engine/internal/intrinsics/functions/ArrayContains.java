package io.autoremediate.engine.internal.intrinsics.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.json.Json;
import java.util.List;
import java.util.Random;

import static io.autoremediate.engine.internal.intrinsics.functions.ArgType.ANY;
import static io.autoremediate.engine.internal.intrinsics.functions.ArgType.ARRAY;

/** {@code States.ArrayContains(array, value)}: whether the array holds the value. */
public final class ArrayContains extends IntrinsicFunction {
    public ArrayContains() {
        super("States.ArrayContains", Signature.of(Param.of("array", ARRAY), Param.of("value", ANY)));
    }

    @Override
    protected JsonNode apply(List<JsonNode> args, Random random) {
        for (JsonNode element : args.get(0)) {
            if (JsonValues.same(element, args.get(1))) {
                return Json.NODES.booleanNode(true);
            }
        }
        return Json.NODES.booleanNode(false);
    }
}
