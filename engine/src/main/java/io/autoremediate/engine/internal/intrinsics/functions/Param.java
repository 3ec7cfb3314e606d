package io.autoremediate.engine.internal.intrinsics.functions;

import java.util.Objects;

/** One declared argument of an intrinsic function: its name (for error messages) and type. */
public record Param(String name, ArgType type) {
    public Param {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public static Param of(String name, ArgType type) {
        return new Param(name, type);
    }
}
