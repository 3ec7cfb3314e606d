package io.autoremediate.functions.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.autoremediate.functions.adapters.aws.Priming;
import io.autoremediate.functions.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The Lambda edge of every step: JSON in, one domain call, JSON out. Streams rather than the runtime's
 * POJO binding, so the same mapper reads the same records here, in tests and in the local runtime.
 * An exception thrown by {@link #handle} reaches Step Functions as {@code Error} = its class name.
 */
public abstract class JsonHandler<I, O> implements RequestStreamHandler {

    private final Class<I> inputType;

    protected JsonHandler(Class<I> inputType) {
        this.inputType = inputType;
        // Before a SnapStart snapshot, this handler's JSON reading and writing are run once (see Priming).
        Priming.container().json(getClass(), inputType);
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        I request = read(input);
        Json.MAPPER.writeValue(output, handle(request));
    }

    /** The step itself. */
    public abstract O handle(I request);

    private I read(InputStream input) throws IOException {
        try {
            I request = Json.MAPPER.readValue(input, inputType);
            if (request == null) {
                throw new InvalidHandlerInputException(stepName() + " input is empty");
            }
            return request;
        } catch (JsonProcessingException e) {
            throw new InvalidHandlerInputException(stepName() + " input is unreadable: " + e.getOriginalMessage());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidHandlerInputException(stepName() + " input is invalid: " + e.getMessage());
        }
    }

    private String stepName() {
        return getClass().getSimpleName().replace("Handler", "");
    }
}
