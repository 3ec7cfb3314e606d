package io.autoremediate.engine.internal.intrinsics.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.json.Json;
import java.util.List;
import java.util.Random;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.StringTokenizer;
import static io.autoremediate.engine.internal.intrinsics.functions.ArgType.STRING;

/**
 * {@code States.StringSplit(string, delimiters)}: the string split at any of the delimiter characters,
 * empty pieces dropped.
 */
public final class StringSplit extends IntrinsicFunction {
    public StringSplit() {
        super("States.StringSplit", Signature.of(Param.of("string", STRING), Param.of("delimiter", STRING)));
    }

    @Override
    protected JsonNode apply(List<JsonNode> args, Random random) {
        ArrayNode pieces = Json.NODES.arrayNode();
        StringTokenizer tokens = new StringTokenizer(args.get(0).textValue(), args.get(1).textValue());
        while (tokens.hasMoreTokens()) {
            pieces.add(tokens.nextToken());
        }
        return pieces;
    }
}
