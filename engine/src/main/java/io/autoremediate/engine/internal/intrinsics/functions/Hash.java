package io.autoremediate.engine.internal.intrinsics.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.json.Json;
import java.util.List;
import java.util.Random;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import static io.autoremediate.engine.internal.intrinsics.functions.ArgType.STRING;

/** {@code States.Hash(data, algorithm)}: the hex digest of a string with MD5, SHA-1, SHA-256, SHA-384 or SHA-512. */
public final class Hash extends IntrinsicFunction {
    static final int MAX_INPUT_CHARS = 10_000;
    static final List<String> ALGORITHMS = List.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

    public Hash() {
        super("States.Hash", Signature.of(Param.of("data", STRING), Param.of("algorithm", STRING)));
    }

    @Override
    protected JsonNode apply(List<JsonNode> args, Random random) {
        String data = args.get(0).textValue();
        String algorithm = args.get(1).textValue();
        if (data.length() > MAX_INPUT_CHARS) {
            throw argumentFailure(0, "is longer than " + MAX_INPUT_CHARS + " characters");
        }
        if (!ALGORITHMS.contains(algorithm)) {
            throw argumentFailure(1, "is '" + algorithm + "', not one of " + String.join(", ", ALGORITHMS));
        }
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8));
            return Json.NODES.textNode(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw argumentFailure(1, "names an algorithm this JVM lacks: " + algorithm);
        }
    }
}
