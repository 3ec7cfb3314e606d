package io.autoremediate.local.runtime;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.FunctionErrorException;
import io.autoremediate.engine.LambdaFunction;
import io.autoremediate.functions.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Runs a Lambda stream handler in-process the way the Lambda runtime does: JSON bytes in, JSON bytes out,
 * and an exception reported with {@code errorType} = its class name, which Step Functions uses as Error.
 */
public final class JavaHandlerFunction implements LambdaFunction {

    private final String functionName;
    private final String functionArn;
    private final RequestStreamHandler handler;

    public JavaHandlerFunction(String functionName, String functionArn, RequestStreamHandler handler) {
        this.functionName = functionName;
        this.functionArn = functionArn;
        this.handler = handler;
    }

    @Override
    public JsonNode invoke(JsonNode payload) throws FunctionErrorException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            byte[] in = Json.MAPPER.writeValueAsBytes(payload);
            handler.handleRequest(new ByteArrayInputStream(in), out, new LocalLambdaContext(functionName, functionArn));
        } catch (Exception e) {
            throw new FunctionErrorException(e.getClass().getName(), String.valueOf(e.getMessage()));
        } catch (StackOverflowError | OutOfMemoryError e) {
            // Lambda reports a crashed runtime as Lambda.Unknown, not by the error's class.
            throw new FunctionErrorException("Lambda.Unknown", functionName + " crashed: " + e);
        }
        try {
            return Json.MAPPER.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new FunctionErrorException("Lambda.Unknown", functionName + " returned output that is not JSON");
        }
    }
}
