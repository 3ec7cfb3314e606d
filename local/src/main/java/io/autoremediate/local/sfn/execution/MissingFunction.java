package io.autoremediate.local.sfn.execution;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.FunctionErrorException;
import io.autoremediate.engine.LambdaFunction;

/**
 * A function the definition names but nothing here binds. Step Functions does not check Lambda functions
 * when a state machine is created; invoking a missing one fails the Task with
 * {@code Lambda.ResourceNotFoundException}, which a Retry or Catch can handle. This does the same.
 */
final class MissingFunction implements LambdaFunction {
    static final String ERROR = "Lambda.ResourceNotFoundException";

    private final String functionArn;

    MissingFunction(String functionArn) {
        this.functionArn = functionArn;
    }

    @Override
    public JsonNode invoke(JsonNode payload) {
        throw new FunctionErrorException(ERROR, "Function not found: " + functionArn
                + " (nothing is bound to this name here; start the server with --function NAME=EXECUTABLE)");
    }
}
