package io.autoremediate.engine.internal.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.errors.StatesError;
import java.util.Objects;

/**
 * What a forking state makes of a failed child: it goes on with {@code standIn} in the child's place among the
 * outputs (a tolerated Distributed Map iteration), or it fails with {@code error}.
 */
public sealed interface ChildFailure {

    record Tolerated(JsonNode standIn) implements ChildFailure {
        public Tolerated {
            Objects.requireNonNull(standIn, "standIn");
        }
    }

    record Fatal(StatesError error) implements ChildFailure {
        public Fatal {
            Objects.requireNonNull(error, "error");
        }
    }
}
