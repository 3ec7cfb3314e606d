package io.autoremediate.engine.internal.intrinsics.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.json.Json;
import java.util.List;
import java.util.Random;

import static io.autoremediate.engine.internal.intrinsics.functions.ArgType.ARRAY;

/** {@code States.ArrayLength(array)}: the number of elements. */
public final class ArrayLength extends IntrinsicFunction {
    public ArrayLength() {
        super("States.ArrayLength", Signature.of(Param.of("array", ARRAY)));
    }

    @Override
    protected JsonNode apply(List<JsonNode> args, Random random) {
        return Json.NODES.numberNode(args.get(0).size());
    }
}
