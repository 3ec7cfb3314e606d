package io.autoremediate.engine.internal.intrinsics.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.json.Json;
import java.util.List;
import java.util.Random;
import com.fasterxml.jackson.databind.node.ArrayNode;
import static io.autoremediate.engine.internal.intrinsics.functions.ArgType.ARRAY;

/** {@code States.ArrayUnique(array)}: the array without duplicates, first occurrences kept in order. */
public final class ArrayUnique extends IntrinsicFunction {
    public ArrayUnique() {
        super("States.ArrayUnique", Signature.of(Param.of("array", ARRAY)));
    }

    @Override
    protected JsonNode apply(List<JsonNode> args, Random random) {
        ArrayNode unique = Json.NODES.arrayNode();
        for (JsonNode element : args.get(0)) {
            boolean seen = false;
            for (JsonNode kept : unique) {
                seen |= JsonValues.same(kept, element);
            }
            if (!seen) {
                unique.add(element);
            }
        }
        return unique;
    }
}
