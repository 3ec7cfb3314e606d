package io.autoremediate.engine.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Random;

/**
 * What a path or intrinsic function can read while a state processes its data: the input ({@code $}), the
 * context object ({@code $$}) and the execution's random source (for States.UUID and States.MathRandom).
 */
public record Scope(JsonNode input, JsonNode context, Random random) {
    public Scope {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(random, "random");
    }

    public Scope withInput(JsonNode newInput) {
        return new Scope(newInput, context, random);
    }

    public Scope withContext(JsonNode newContext) {
        return new Scope(input, newContext, random);
    }

    /** The document a path reads: the context object for {@code $$...}, else the input. */
    public JsonNode rootFor(JsonPath path) {
        return path.isContextPath() ? context : input;
    }
}
