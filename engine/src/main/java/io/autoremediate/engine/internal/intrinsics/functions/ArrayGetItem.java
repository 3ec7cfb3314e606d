package io.autoremediate.engine.internal.intrinsics.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.json.Json;
import java.util.List;
import java.util.Random;

import static io.autoremediate.engine.internal.intrinsics.functions.ArgType.ARRAY;
import static io.autoremediate.engine.internal.intrinsics.functions.ArgType.INTEGER;

/** {@code States.ArrayGetItem(array, index)}: the element at a zero-based index. */
public final class ArrayGetItem extends IntrinsicFunction {
    public ArrayGetItem() {
        super("States.ArrayGetItem", Signature.of(Param.of("array", ARRAY), Param.of("index", INTEGER)));
    }

    @Override
    protected JsonNode apply(List<JsonNode> args, Random random) {
        long index = longArg(args.get(1));
        if (index < 0 || index >= args.get(0).size()) {
            throw argumentFailure(1, "is " + index + ", outside the array of " + args.get(0).size() + " element(s)");
        }
        return args.get(0).get((int) index);
    }
}
