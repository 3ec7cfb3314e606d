package io.autoremediate.engine.internal.intrinsics.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.json.Json;
import java.util.List;
import java.util.Random;

import static io.autoremediate.engine.internal.intrinsics.functions.ArgType.INTEGER;

/** {@code States.MathRandom(start, end[, seed])}: a random integer from start (inclusive) to end (exclusive). */
public final class MathRandom extends IntrinsicFunction {
    public MathRandom() {
        super("States.MathRandom", Signature.of(Param.of("start", INTEGER), Param.of("end", INTEGER))
                .withOptional(Param.of("seed", INTEGER)));
    }

    @Override
    protected JsonNode apply(List<JsonNode> args, Random random) {
        long start = longArg(args.get(0));
        long end = longArg(args.get(1));
        if (end <= start) {
            throw argumentFailure(1, "must be greater than the start " + start + ", but was " + end);
        }
        Random source = args.size() == 3 ? new Random(longArg(args.get(2))) : random;
        return Json.NODES.numberNode(start + (long) Math.floor(source.nextDouble() * (end - start)));
    }
}
