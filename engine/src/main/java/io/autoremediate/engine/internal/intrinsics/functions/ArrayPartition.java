package io.autoremediate.engine.internal.intrinsics.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.json.Json;
import java.util.List;
import java.util.Random;
import com.fasterxml.jackson.databind.node.ArrayNode;
import static io.autoremediate.engine.internal.intrinsics.functions.ArgType.ARRAY;
import static io.autoremediate.engine.internal.intrinsics.functions.ArgType.INTEGER;

/** {@code States.ArrayPartition(array, chunkSize)}: the array cut into chunks of at most chunkSize. */
public final class ArrayPartition extends IntrinsicFunction {
    public ArrayPartition() {
        super("States.ArrayPartition", Signature.of(Param.of("array", ARRAY), Param.of("chunk size", INTEGER)));
    }

    @Override
    protected JsonNode apply(List<JsonNode> args, Random random) {
        long size = longArg(args.get(1));
        if (size <= 0) {
            throw argumentFailure(1, "must be a positive integer, but was " + size);
        }
        ArrayNode chunks = Json.NODES.arrayNode();
        ArrayNode chunk = null;
        for (JsonNode element : args.get(0)) {
            if (chunk == null || chunk.size() == size) {
                chunk = chunks.addArray();
            }
            chunk.add(element);
        }
        return chunks;
    }
}
