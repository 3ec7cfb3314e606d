package io.autoremediate.engine.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.json.Json;
import io.autoremediate.engine.internal.json.JsonPath;
import io.autoremediate.engine.internal.json.Scope;
import java.util.ArrayList;
import java.util.List;
import io.autoremediate.engine.internal.intrinsics.functions.IntrinsicFunction;

/** A parsed intrinsic function call or one of its arguments. */
public sealed interface IntrinsicExpression {

    JsonNode evaluate(Scope scope);

    /** A literal argument; {@code raw} keeps a string literal's escapes as written (States.Format needs them). */
    record Literal(JsonNode value, String raw) implements IntrinsicExpression {
        @Override
        public JsonNode evaluate(Scope scope) {
            return value;
        }
    }

    /** A path argument, read from the input or, with {@code $$}, the context object. */
    record PathArgument(JsonPath path) implements IntrinsicExpression {
        @Override
        public JsonNode evaluate(Scope scope) {
            return path.read(scope.rootFor(path)).orElse(null);
        }
    }

    /** A call of a function on its arguments. */
    record Call(IntrinsicFunction function, List<IntrinsicExpression> args) implements IntrinsicExpression {
        public Call {
            args = List.copyOf(args);
        }

        @Override
        public JsonNode evaluate(Scope scope) {
            List<JsonNode> values = new ArrayList<>(args.size());
            for (int i = 0; i < args.size(); i++) {
                IntrinsicExpression arg = args.get(i);
                JsonNode value = arg.evaluate(scope);
                if (value == null) {
                    String path = ((PathArgument) arg).path().text();
                    throw function.failure("argument " + (i + 1) + ": the path '" + path
                            + "' could not be found in the " + (path.startsWith("$$") ? "context object" : "input"));
                }
                values.add(function.wantsRawLiteral(i) && arg instanceof Literal literal && literal.raw() != null
                        ? Json.NODES.textNode(literal.raw())
                        : value);
            }
            return function.invoke(values, scope.random());
        }
    }
}
