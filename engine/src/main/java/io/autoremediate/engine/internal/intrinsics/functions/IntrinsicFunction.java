package io.autoremediate.engine.internal.intrinsics.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.errors.IntrinsicFailure;
import io.autoremediate.engine.internal.json.Json;
import java.util.List;
import java.util.Random;

/**
 * An intrinsic function (States Language spec, "Intrinsic Functions"). Subclasses declare their
 * {@link Signature} and implement {@link #apply}; argument count and types are checked here, once.
 */
public abstract class IntrinsicFunction {
    private final String name;
    private final Signature signature;

    protected IntrinsicFunction(String name, Signature signature) {
        this.name = name;
        this.signature = signature;
    }

    public final String name() {
        return name;
    }

    public final Signature signature() {
        return signature;
    }

    /** Validates the arguments against the signature, then applies the function. */
    public final JsonNode invoke(List<JsonNode> args, Random random) {
        checkArgumentCount(args.size());
        for (int i = 0; i < args.size(); i++) {
            Param param = signature.paramAt(i);
            if (!param.type().accepts(args.get(i))) {
                throw failure("argument " + (i + 1) + " ('" + param.name() + "') must be "
                        + param.type().description() + ", but was " + Json.typeOf(args.get(i)) + " "
                        + Json.write(args.get(i)));
            }
        }
        return apply(args, random);
    }

    /** Checks only the number of arguments; used when the definition is parsed. */
    public final void checkArgumentCount(int count) {
        if (count < signature.minArgs() || count > signature.maxArgs()) {
            String expected = signature.maxArgs() == Integer.MAX_VALUE
                    ? "at least " + signature.minArgs()
                    : signature.minArgs() == signature.maxArgs()
                            ? String.valueOf(signature.minArgs())
                            : signature.minArgs() + " to " + signature.maxArgs();
            throw failure("expects " + expected + " argument(s), but got " + count);
        }
    }

    protected abstract JsonNode apply(List<JsonNode> args, Random random);

    /** Whether the argument at this position, when a string literal, is passed with its escapes kept. */
    public boolean wantsRawLiteral(int index) {
        return false;
    }

    /** An {@code States.IntrinsicFailure} naming this function. */
    public final IntrinsicFailure failure(String reason) {
        return new IntrinsicFailure("Invalid arguments in " + name + ": " + reason);
    }

    /** An {@code States.IntrinsicFailure} about one named argument. */
    protected final IntrinsicFailure argumentFailure(int index, String reason) {
        return failure("argument " + (index + 1) + " ('" + signature.paramAt(index).name() + "') " + reason);
    }

    protected static long longArg(JsonNode node) {
        return node.decimalValue().longValue();
    }
}
