package io.autoremediate.engine.internal.states;

/**
 * Where a state goes when it completes (States Language spec, "Transitions"): to {@code next}, or, when
 * {@code next} is null, the execution (or branch) ends.
 */
public record Transition(String next) {
    public static final Transition END = new Transition(null);

    public boolean isEnd() {
        return next == null;
    }
}
