package io.autoremediate.engine.internal.intrinsics.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.json.Json;
import java.util.List;
import java.util.Random;

import static io.autoremediate.engine.internal.intrinsics.functions.ArgType.NUMBER;

/** {@code States.MathAdd(a, b)}: the sum of two numbers. */
public final class MathAdd extends IntrinsicFunction {
    public MathAdd() {
        super("States.MathAdd", Signature.of(Param.of("value", NUMBER), Param.of("step", NUMBER)));
    }

    @Override
    protected JsonNode apply(List<JsonNode> args, Random random) {
        JsonNode a = args.get(0);
        JsonNode b = args.get(1);
        if (fitsLong(a) && fitsLong(b)) {
            long sum = a.longValue() + b.longValue();
            // Overflow only when both have the sign the sum lacks; then BigInteger takes over below.
            if (((a.longValue() ^ sum) & (b.longValue() ^ sum)) >= 0) {
                return Json.integer(sum);
            }
        }
        if (args.get(0).isIntegralNumber() && args.get(1).isIntegralNumber()) {
            return Json.integer(args.get(0).bigIntegerValue().add(args.get(1).bigIntegerValue()));
        }
        return Json.NODES.numberNode(args.get(0).decimalValue().add(args.get(1).decimalValue()));
    }

    private static boolean fitsLong(JsonNode number) {
        return number.isInt() || number.isLong() || number.isShort();
    }
}
