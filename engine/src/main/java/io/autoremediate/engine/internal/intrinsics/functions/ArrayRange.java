package io.autoremediate.engine.internal.intrinsics.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.json.Json;
import java.util.List;
import java.util.Random;
import com.fasterxml.jackson.databind.node.ArrayNode;
import static io.autoremediate.engine.internal.intrinsics.functions.ArgType.INTEGER;

/** {@code States.ArrayRange(first, last, step)}: the integers from first to last inclusive; at most 1000. */
public final class ArrayRange extends IntrinsicFunction {
    static final int MAX_ELEMENTS = 1000;

    public ArrayRange() {
        super("States.ArrayRange", Signature.of(Param.of("start", INTEGER), Param.of("end", INTEGER),
                Param.of("step", INTEGER)));
    }

    @Override
    protected JsonNode apply(List<JsonNode> args, Random random) {
        long start = longArg(args.get(0));
        long end = longArg(args.get(1));
        long step = longArg(args.get(2));
        if (step == 0) {
            throw argumentFailure(2, "must not be 0");
        }
        ArrayNode range = Json.NODES.arrayNode();
        for (long value = start; step > 0 ? value <= end : value >= end; value += step) {
            if (range.size() == MAX_ELEMENTS) {
                throw failure("the range would have more than " + MAX_ELEMENTS + " elements");
            }
            range.add(Json.integer(java.math.BigInteger.valueOf(value)));
        }
        return range;
    }
}
