package io.autoremediate.functions.intake;

import java.util.Objects;

/**
 * @param duplicate true when an execution of that name existed already, so nothing new was started
 */
public record StartedExecution(String executionName, String executionArn, boolean duplicate) {

    public StartedExecution {
        Objects.requireNonNull(executionName, "executionName");
    }
}
