package io.autoremediate.functions.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.functions.json.JsonFields;
import io.autoremediate.functions.json.JsonTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Function;

/**
 * The Lambda edge of every step: JSON in, one domain call, JSON out. Streams rather than the runtime's POJO
 * binding, and each record's own {@code fromJson}/{@code toJson} rather than a reflective mapper, so the same
 * mapping reads the same records here, in tests and in the local runtime, and a cold start loads no mapper.
 * An exception thrown by {@link #handle} reaches Step Functions as {@code Error} = its class name.
 */
public abstract class JsonHandler<I, O> implements RequestStreamHandler {

    private final Function<JsonNode, I> reader;
    private final Function<O, ? extends JsonNode> writer;

    /**
     * @param reader builds the step's input from the document (an IllegalArgumentException or
     *               NullPointerException it throws says what is wrong with it)
     * @param writer the step's result as JSON
     */
    protected JsonHandler(Function<JsonNode, I> reader, Function<O, ? extends JsonNode> writer) {
        this.reader = reader;
        this.writer = writer;
    }

    /** A reader for an input that is one JSON object. */
    protected static <T> Function<JsonNode, T> object(Function<JsonFields, T> fromFields) {
        return document -> fromFields.apply(JsonFields.of(document, "the input"));
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        I request = read(input);
        JsonTrees.write(writer.apply(handle(request)), output);
    }

    /** The step itself. */
    public abstract O handle(I request);

    private I read(InputStream input) throws IOException {
        JsonNode document;
        try {
            document = JsonTrees.read(input);
        } catch (JsonProcessingException e) {
            throw new InvalidHandlerInputException(stepName() + " input is unreadable: " + e.getOriginalMessage());
        }
        if (document == null || document.isNull()) {
            throw new InvalidHandlerInputException(stepName() + " input is empty");
        }
        try {
            return reader.apply(document);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidHandlerInputException(stepName() + " input is invalid: " + e.getMessage());
        }
    }

    private String stepName() {
        return getClass().getSimpleName().replace("Handler", "");
    }
}
