package io.autoremediate.engine.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Random;
import java.util.function.Supplier;

/**
 * What a path or intrinsic function can read while a state processes its data: the input ({@code $}), the
 * context object ({@code $$}) and the execution's random source (for States.UUID and States.MathRandom).
 *
 * <p>The context object is built only when something reads it, at most once per scope and the scopes derived
 * from it by {@link #withInput}: most steps never read {@code $$}, and it holds the whole execution input.
 */
public final class Scope {
    private final JsonNode input;
    private final LazyContext context;
    private final Random random;

    private Scope(JsonNode input, LazyContext context, Random random) {
        this.input = Objects.requireNonNull(input, "input");
        this.context = context;
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A scope whose context object is already built. */
    public Scope(JsonNode input, JsonNode context, Random random) {
        this(input, LazyContext.of(Objects.requireNonNull(context, "context")), random);
    }

    /** A scope that builds its context object on first use. */
    public static Scope withLazyContext(JsonNode input, Supplier<JsonNode> context, Random random) {
        return new Scope(input, LazyContext.deferred(Objects.requireNonNull(context, "context")), random);
    }

    public JsonNode input() {
        return input;
    }

    /** The context object ({@code $$}), built now if nothing has read it yet. */
    public JsonNode context() {
        return context.get();
    }

    public Random random() {
        return random;
    }

    public Scope withInput(JsonNode newInput) {
        return new Scope(newInput, context, random);
    }

    public Scope withContext(JsonNode newContext) {
        return new Scope(input, newContext, random);
    }

    /** The document a path reads: the context object for {@code $$...}, else the input. */
    public JsonNode rootFor(JsonPath path) {
        return path.isContextPath() ? context() : input;
    }

    /** A context object built once, on the first read. Used by one thread at a time (the step's). */
    private static final class LazyContext {
        private Supplier<JsonNode> builder;
        private JsonNode value;

        private LazyContext(Supplier<JsonNode> builder, JsonNode value) {
            this.builder = builder;
            this.value = value;
        }

        static LazyContext of(JsonNode value) {
            return new LazyContext(null, value);
        }

        static LazyContext deferred(Supplier<JsonNode> builder) {
            return new LazyContext(builder, null);
        }

        JsonNode get() {
            if (value == null) {
                value = Objects.requireNonNull(builder.get(), "context object");
                builder = null;
            }
            return value;
        }
    }
}
