package io.autoremediate.local.sfn.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.TaskTokenException;
import io.autoremediate.local.json.LocalJson;
import io.autoremediate.local.sfn.execution.ExecutionBackend;
import io.autoremediate.local.sfn.protocol.AwsJsonRequest;
import io.autoremediate.local.sfn.protocol.SfnException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat: answers to the task token of a Task on
 * {@code lambda:invoke.waitForTaskToken}, with the service's limits and errors (InvalidToken, TaskDoesNotExist,
 * TaskTimedOut, InvalidOutput).
 */
public final class TaskTokenOperations {
    private static final int MAX_TOKEN = 1024;
    private static final int MAX_OUTPUT_BYTES = 262_144;
    private static final int MAX_ERROR = 256;
    private static final int MAX_CAUSE = 32_768;

    private final ExecutionBackend backend;

    public TaskTokenOperations(ExecutionBackend backend) {
        this.backend = backend;
    }

    public ObjectNode success(AwsJsonRequest request) {
        String token = token(request);
        String outputText = request.requiredString("output");
        if (outputText.getBytes(StandardCharsets.UTF_8).length > MAX_OUTPUT_BYTES) {
            throw SfnException.validation("output", "...", "Member must have length less than or equal to 262144");
        }
        JsonNode output;
        try {
            output = LocalJson.MAPPER.readTree(outputText);
        } catch (IOException e) {
            output = null;
        }
        if (output == null || output.isMissingNode()) {
            throw new SfnException("InvalidOutput", "Invalid Output: the output is not JSON: '"
                    + abbreviate(outputText) + "'");
        }
        JsonNode given = output;
        return answered(() -> backend.sendTaskSuccess(token, given));
    }

    public ObjectNode failure(AwsJsonRequest request) {
        String token = token(request);
        String error = request.string("error").orElse(null);
        String cause = request.string("cause").orElse(null);
        if (error != null && error.length() > MAX_ERROR) {
            throw SfnException.validation("error", "...", "Member must have length less than or equal to 256");
        }
        if (cause != null && cause.length() > MAX_CAUSE) {
            throw SfnException.validation("cause", "...", "Member must have length less than or equal to 32768");
        }
        return answered(() -> backend.sendTaskFailure(token, error, cause));
    }

    public ObjectNode heartbeat(AwsJsonRequest request) {
        String token = token(request);
        return answered(() -> backend.sendTaskHeartbeat(token));
    }

    private static String token(AwsJsonRequest request) {
        String token = request.requiredString("taskToken");
        if (token.isEmpty() || token.length() > MAX_TOKEN) {
            throw SfnException.validation("taskToken", "...",
                    "Member must have length between 1 and 1024");
        }
        return token;
    }

    private static ObjectNode answered(Runnable answer) {
        try {
            answer.run();
        } catch (TaskTokenException e) {
            throw new SfnException(e.errorCode(), e.getMessage());
        }
        return LocalJson.MAPPER.createObjectNode();
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
