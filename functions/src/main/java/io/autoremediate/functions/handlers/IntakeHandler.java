package io.autoremediate.functions.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.functions.intake.ExecutionStarter;
import io.autoremediate.functions.intake.IncidentIntake;
import io.autoremediate.functions.intake.StartedExecution;
import io.autoremediate.functions.json.JsonTrees;
import io.autoremediate.functions.settings.RemediationSettings;
import io.autoremediate.functions.wiring.AwsAdapters;
import java.io.IOException;

/**
 * The EventBridge rule's target: starts the remediation state machine under a name derived from the alarm
 * change (EventBridge itself cannot name executions, and the name is what makes duplicates harmless).
 * Settings come from the {@code REMEDIATION_SETTINGS} environment variable (JSON), checked at cold start.
 */
public final class IntakeHandler extends JsonHandler<JsonNode, StartedExecution> {

    static final String SETTINGS_VARIABLE = "REMEDIATION_SETTINGS";

    private final IncidentIntake intake;

    public IntakeHandler() {
        this(AwsAdapters.executionStarter(), settingsFromEnvironment());
    }

    public IntakeHandler(ExecutionStarter starter, JsonNode settings) {
        super(document -> document, StartedExecution::toJson);
        this.intake = new IncidentIntake(starter, RemediationSettings.validated(settings));
    }

    @Override
    public StartedExecution handle(JsonNode event) {
        return intake.accept(event);
    }

    private static JsonNode settingsFromEnvironment() {
        String text = System.getenv(SETTINGS_VARIABLE);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JsonTrees.read(text);
        } catch (IOException e) {
            throw new IllegalStateException(SETTINGS_VARIABLE + " is not JSON: " + e.getMessage());
        }
    }
}
