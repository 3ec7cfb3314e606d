package io.autoremediate.engine;

import java.util.Objects;

/**
 * A Task with a {@code .waitForTaskToken} resource invoked its function and now waits for SendTaskSuccess,
 * SendTaskFailure or SendTaskHeartbeat with this token ({@code $$.Task.Token}).
 */
public record TaskTokenIssued(String executionArn, String stateName, String taskToken) {
    public TaskTokenIssued {
        Objects.requireNonNull(executionArn, "executionArn");
        Objects.requireNonNull(stateName, "stateName");
        Objects.requireNonNull(taskToken, "taskToken");
    }
}
