package io.autoremediate.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.internal.json.Json;
import java.util.Objects;

/**
 * A function error in Lambda's shape ({@code {"errorType", "errorMessage"}}). The Task fails with
 * Error = {@link #errorType()} and Cause = {@link #cause()}. Unchecked, so handlers and adapters may throw
 * it from anywhere.
 */
public class FunctionErrorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String errorType;
    private final String errorMessage;
    private final String errorJson;

    public FunctionErrorException(String errorType, String errorMessage) {
        this(errorType, errorMessage, null);
    }

    /**
     * @param errorJson the Cause Step Functions would show, when it is not just {@code {errorType, errorMessage}}
     *                  (for example the full error payload with a stack trace)
     */
    public FunctionErrorException(String errorType, String errorMessage, String errorJson) {
        super(errorType + ": " + errorMessage);
        this.errorType = Objects.requireNonNull(errorType, "errorType");
        this.errorMessage = errorMessage;
        this.errorJson = errorJson;
    }

    public String errorType() {
        return errorType;
    }

    public String errorMessage() {
        return errorMessage;
    }

    /** The Cause of the failed task: the given error JSON, or {@code {"errorType":…,"errorMessage":…}}. */
    public String cause() {
        if (errorJson != null) {
            return errorJson;
        }
        ObjectNode json = Json.object();
        json.put("errorType", errorType);
        json.put("errorMessage", errorMessage);
        return Json.write(json);
    }
}
