package io.autoremediate.engine.internal.intrinsics.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.intrinsics.IntrinsicFunction;
import io.autoremediate.engine.internal.intrinsics.Param;
import io.autoremediate.engine.internal.intrinsics.Signature;
import io.autoremediate.engine.internal.json.Json;
import java.util.List;
import java.util.Random;

import static io.autoremediate.engine.internal.intrinsics.ArgType.NUMBER;

/** {@code States.MathAdd(a, b)}: the sum of two numbers. */
public final class MathAdd extends IntrinsicFunction {
    public MathAdd() {
        super("States.MathAdd", Signature.of(Param.of("value", NUMBER), Param.of("step", NUMBER)));
    }

    @Override
    protected JsonNode apply(List<JsonNode> args, Random random) {
        if (args.get(0).isIntegralNumber() && args.get(1).isIntegralNumber()) {
            return Json.integer(args.get(0).bigIntegerValue().add(args.get(1).bigIntegerValue()));
        }
        return Json.NODES.numberNode(args.get(0).decimalValue().add(args.get(1).decimalValue()));
    }
}
