package io.autoremediate.engine.internal.intrinsics.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.json.Json;
import java.util.List;
import java.util.Random;
import com.fasterxml.jackson.databind.node.ObjectNode;
import static io.autoremediate.engine.internal.intrinsics.functions.ArgType.BOOLEAN;
import static io.autoremediate.engine.internal.intrinsics.functions.ArgType.OBJECT;

/**
 * {@code States.JsonMerge(left, right, deep)}: a shallow merge where right's keys win. Step Functions
 * supports only the shallow mode, so {@code deep} must be false.
 */
public final class JsonMerge extends IntrinsicFunction {
    public JsonMerge() {
        super("States.JsonMerge", Signature.of(Param.of("left", OBJECT), Param.of("right", OBJECT),
                Param.of("deep", BOOLEAN)));
    }

    @Override
    protected JsonNode apply(List<JsonNode> args, Random random) {
        if (args.get(2).booleanValue()) {
            throw argumentFailure(2, "must be false: only the shallow merge is supported");
        }
        ObjectNode merged = ((ObjectNode) args.get(0)).deepCopy();
        merged.setAll((ObjectNode) args.get(1).deepCopy());
        return merged;
    }
}
