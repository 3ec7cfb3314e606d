package io.autoremediate.engine.internal.states;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/** A set of states with a start: the top level of a state machine, a Parallel branch or a Map iterator. */
public record StateGraph(String startAt, Map<String, State> states) {
    public StateGraph {
        Objects.requireNonNull(startAt, "startAt");
        states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
        if (!states.containsKey(startAt)) {
            throw new IllegalArgumentException("StartAt '" + startAt + "' is not a state");
        }
    }

    public State state(String name) {
        State state = states.get(name);
        if (state == null) {
            throw new IllegalStateException("no state named '" + name + "'");
        }
        return state;
    }

    /** Visits every state here and in nested graphs. */
    public void forEachStateDeep(Consumer<State> visitor) {
        for (State state : states.values()) {
            visitor.accept(state);
            state.children().forEach(child -> child.forEachStateDeep(visitor));
        }
    }
}
