package io.autoremediate.functions.send;

import io.autoremediate.functions.incident.Incident;
import io.autoremediate.functions.runbook.RunbookRef;
import java.util.Objects;

/** One attempt at running the resolved runbook for an incident. */
public record RemediationRequest(Incident incident, RunbookRef runbook, int attempt, int commandTimeoutSeconds,
                                 String executionName) {

    public RemediationRequest {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(runbook, "runbook");
        if (incident.instanceId() == null) {
            throw new IllegalArgumentException("incident for alarm '" + incident.alarmName() + "' has no instance");
        }
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be 1 or more, got " + attempt);
        }
        if (commandTimeoutSeconds < 1) {
            throw new IllegalArgumentException("commandTimeoutSeconds must be 1 or more, got " + commandTimeoutSeconds);
        }
    }
}
