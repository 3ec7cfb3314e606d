package io.autoremediate.engine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Lambda function the engine can invoke in process: the payload in, the function's output out. Throw
 * {@link FunctionErrorException} to fail as a Lambda function error; any other RuntimeException fails the
 * task the way the Java Lambda runtime reports it (Error = the exception's class name).
 */
@FunctionalInterface
public interface LambdaFunction {
    JsonNode invoke(JsonNode payload) throws FunctionErrorException;
}
