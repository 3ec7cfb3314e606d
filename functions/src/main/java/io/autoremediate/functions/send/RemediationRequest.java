package io.autoremediate.functions.send;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.functions.incident.Incident;
import io.autoremediate.functions.json.JsonFields;
import io.autoremediate.functions.json.JsonObject;
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

    public ObjectNode toJson() {
        return JsonObject.create().node("incident", incident.toJson()).node("runbook", runbook.toJson())
                .number("attempt", attempt).number("commandTimeoutSeconds", commandTimeoutSeconds)
                .text("executionName", executionName).build();
    }

    public static RemediationRequest fromJson(JsonFields json) {
        return new RemediationRequest(Incident.fromJson(json.requiredObject("incident")),
                RunbookRef.fromJson(json.requiredObject("runbook")), json.integer("attempt", 0),
                json.integer("commandTimeoutSeconds", 0), json.text("executionName"));
    }
}
