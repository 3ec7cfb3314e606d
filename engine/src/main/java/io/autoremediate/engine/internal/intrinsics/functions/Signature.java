package io.autoremediate.engine.internal.intrinsics.functions;

import java.util.List;

/**
 * The arguments an intrinsic function takes: required parameters, then optional ones, then (when
 * {@code rest} is set) any number of further arguments of one type.
 */
public record Signature(List<Param> required, List<Param> optional, Param rest) {
    public Signature {
        required = List.copyOf(required);
        optional = List.copyOf(optional);
    }

    public static Signature of(Param... required) {
        return new Signature(List.of(required), List.of(), null);
    }

    public Signature withOptional(Param... params) {
        return new Signature(required, List.of(params), rest);
    }

    public Signature withRest(Param restParam) {
        return new Signature(required, optional, restParam);
    }

    public int minArgs() {
        return required.size();
    }

    /** The maximum argument count, or {@code Integer.MAX_VALUE} with a rest parameter. */
    public int maxArgs() {
        return rest != null ? Integer.MAX_VALUE : required.size() + optional.size();
    }

    /** The declared parameter at a position. */
    public Param paramAt(int index) {
        if (index < required.size()) {
            return required.get(index);
        }
        if (index < required.size() + optional.size()) {
            return optional.get(index - required.size());
        }
        return rest;
    }
}
