package io.autoremediate.engine.internal.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.errors.StatesError;

/** How a branch ended: with an output, or with the error that stopped it. */
public record BranchResult(JsonNode output, StatesError error) {
    public static BranchResult succeeded(JsonNode output) {
        return new BranchResult(output, null);
    }

    public static BranchResult failed(StatesError error) {
        return new BranchResult(null, error);
    }

    public boolean succeeded() {
        return error == null;
    }
}
