package io.autoremediate.functions.guard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.functions.incident.Incident;
import io.autoremediate.functions.json.JsonFields;
import io.autoremediate.functions.json.JsonObject;
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

    public ObjectNode toJson() {
        return JsonObject.create().node("incident", incident.toJson()).text("executionName", executionName)
                .time("executionStartedAt", executionStartedAt).number("maxIncidents", maxIncidents)
                .number("windowSeconds", windowSeconds).build();
    }

    public static GuardRequest fromJson(JsonFields json) {
        return new GuardRequest(Incident.fromJson(json.requiredObject("incident")),
                json.requiredText("executionName"), json.requiredInstant("executionStartedAt"),
                json.integer("maxIncidents", 0), json.integer("windowSeconds", 0));
    }
}
