package io.autoremediate.local.sfn.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.local.sfn.protocol.AwsJsonRequest;

/** ValidateStateMachineDefinition: the States Language checks alone, as AWS makes them. */
public final class ValidateOperation {

    private ValidateOperation() {
    }

    public static ObjectNode validate(AwsJsonRequest request) {
        return Definitions.validate(request);
    }
}
