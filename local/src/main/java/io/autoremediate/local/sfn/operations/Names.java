package io.autoremediate.local.sfn.operations;

import io.autoremediate.engine.ExecutionRequest;
import io.autoremediate.local.sfn.protocol.SfnException;

/** The engine's rule for state machine and execution names, refused as the API refuses them: InvalidName. */
final class Names {

    private Names() {
    }

    static String require(String what, String name) {
        try {
            ExecutionRequest.requireValidName(what + " name", name);
            return name;
        } catch (IllegalArgumentException e) {
            throw new SfnException("InvalidName", "Invalid Name: " + e.getMessage());
        }
    }
}
