package io.autoremediate.functions.guard;

import io.autoremediate.functions.incident.Incident;
import java.time.Instant;
import java.util.Objects;

/**
 * @param executionName      the asking execution, so it does not wait for itself
 * @param executionStartedAt when it started ({@code $$.Execution.StartTime}); earlier executions go first
 * @param maxIncidents       how many changes into ALARM of one alarm on one instance the window tolerates
 * @param windowSeconds      the window, counted back from this incident's change
 */
public record GuardRequest(Incident incident, String executionName, Instant executionStartedAt, int maxIncidents,
                           int windowSeconds) {

    public GuardRequest {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(executionName, "executionName");
        Objects.requireNonNull(executionStartedAt, "executionStartedAt");
        if (maxIncidents < 1) {
            throw new IllegalArgumentException("maxIncidents must be 1 or more, got " + maxIncidents);
        }
        if (windowSeconds < 1) {
            throw new IllegalArgumentException("windowSeconds must be 1 or more, got " + windowSeconds);
        }
    }
}
