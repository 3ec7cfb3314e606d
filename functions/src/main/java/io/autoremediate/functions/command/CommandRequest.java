package io.autoremediate.functions.command;

import io.autoremediate.functions.runbook.Runbook;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One runbook to run on one target. The incident reaches the script only through {@code environment}
 * (names to values), never spliced into the command text.
 *
 * @param outputKeyPrefix where the full output is kept, relative to the output store (the incident's prefix)
 * @param comment         a human label shown by the command service, naming the alarm
 */
public record CommandRequest(
        String instanceId,
        Runbook runbook,
        Map<String, String> environment,
        Duration executionTimeout,
        String comment,
        String outputKeyPrefix) {

    public CommandRequest {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(runbook, "runbook");
        Objects.requireNonNull(executionTimeout, "executionTimeout");
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        if (executionTimeout.isNegative() || executionTimeout.isZero()) {
            throw new IllegalArgumentException("executionTimeout must be positive, got " + executionTimeout);
        }
    }
}
