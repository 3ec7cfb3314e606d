package io.autoremediate.local.runtime;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.FunctionErrorException;
import io.autoremediate.engine.LambdaFunction;
import io.autoremediate.local.json.LocalJson;
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
            byte[] in = LocalJson.MAPPER.writeValueAsBytes(payload);
            handler.handleRequest(new ByteArrayInputStream(in), out, new LocalLambdaContext(functionName, functionArn));
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            throw reported(functionName, e);
        }
        return output(functionName, out.toByteArray());
    }

    /**
     * A handler's throwable as the Lambda Java runtime reports it: {@code errorType} = its class name, except
     * a crashed runtime, which Lambda reports as Lambda.Unknown.
     */
    static FunctionErrorException reported(String functionName, Throwable thrown) {
        if (thrown instanceof StackOverflowError || thrown instanceof OutOfMemoryError) {
            return new FunctionErrorException("Lambda.Unknown", functionName + " crashed: " + thrown);
        }
        return new FunctionErrorException(thrown.getClass().getName(), String.valueOf(thrown.getMessage()));
    }

    /** What a stream handler wrote, as the JSON result; anything else fails as Lambda.Unknown. */
    static JsonNode output(String functionName, byte[] written) throws FunctionErrorException {
        try {
            return LocalJson.MAPPER.readTree(written);
        } catch (IOException e) {
            throw new FunctionErrorException("Lambda.Unknown", functionName + " returned output that is not JSON");
        }
    }
}
