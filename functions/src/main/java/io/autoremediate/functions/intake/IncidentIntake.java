package io.autoremediate.functions.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.functions.incident.ExecutionNames;
import io.autoremediate.functions.json.JsonTrees;

/**
 * Starts one execution per alarm change, named for the change, so a duplicate delivery starts nothing new.
 * Even an event we cannot read is started: the state machine escalates it, so it is never lost.
 */
public final class IncidentIntake {

    private final ExecutionStarter starter;
    private final JsonNode settings;

    public IncidentIntake(ExecutionStarter starter, JsonNode settings) {
        this.starter = starter;
        this.settings = settings;
    }

    public StartedExecution accept(JsonNode event) {
        return starter.start(ExecutionNames.forEvent(event), JsonTrees.write(ExecutionInput.of(event, settings)));
    }
}
