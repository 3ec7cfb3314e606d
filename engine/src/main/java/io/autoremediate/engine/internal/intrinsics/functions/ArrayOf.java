package io.autoremediate.engine.internal.intrinsics.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.json.Json;
import java.util.List;
import java.util.Random;
import com.fasterxml.jackson.databind.node.ArrayNode;
import static io.autoremediate.engine.internal.intrinsics.functions.ArgType.ANY;

/** {@code States.Array(values...)}: an array of its arguments. */
public final class ArrayOf extends IntrinsicFunction {
    public ArrayOf() {
        super("States.Array", new Signature(List.of(), List.of(), Param.of("value", ANY)));
    }

    @Override
    protected JsonNode apply(List<JsonNode> args, Random random) {
        ArrayNode array = Json.NODES.arrayNode();
        args.forEach(array::add);
        return array;
    }
}
