package io.autoremediate.local.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.ExecutionResult;
import io.autoremediate.engine.ExecutionStatus;

/** How an execution of the remediation state machine ended, in the words an operator uses. */
public enum RemediationOutcome {
    /** The runbook ran and the alarm went back to OK. */
    REMEDIATED,
    /** People were told; nothing more is automated. */
    ESCALATED,
    /** Not a change into ALARM: nothing was run. */
    IGNORED,
    /** Dry run: the runbook that would run was found, nothing was sent. */
    DRY_RUN,
    /** The execution itself broke (not an escalation): see the error. */
    FAILED;

    public static final String ESCALATED_ERROR = "Remediation.Escalated";
    public static final String UNDELIVERED_ERROR = "Remediation.EscalationUndelivered";

    public static RemediationOutcome of(ExecutionResult result) {
        if (result.status() == ExecutionStatus.SUCCEEDED) {
            JsonNode output = result.output();
            String decision = output.path("resolution").path("decision").asText("");
            if (decision.equals("IGNORE") || output.has("stale")) {
                return IGNORED;
            }
            if (output.path("settings").path("dryRun").asBoolean(false)) {
                return DRY_RUN;
            }
            return REMEDIATED;
        }
        if (ESCALATED_ERROR.equals(result.error()) || UNDELIVERED_ERROR.equals(result.error())) {
            return ESCALATED;
        }
        return FAILED;
    }

    /** The one-line why, from the execution's own record. */
    public static String reasonOf(ExecutionResult result) {
        RemediationOutcome outcome = of(result);
        JsonNode output = result.output();
        return switch (outcome) {
            case IGNORED -> output.has("stale") ? output.path("stale").path("reason").asText()
                    : output.path("resolution").path("reason").asText();
            case DRY_RUN -> "dry run: would run " + output.path("resolution").path("reason").asText();
            case REMEDIATED -> output.path("notification").path("reason").asText(
                    "the alarm is OK again after attempt " + output.path("progress").path("attempt").asInt());
            case ESCALATED -> UNDELIVERED_ERROR.equals(result.error())
                    ? "escalation could not be delivered: " + result.cause() : result.cause();
            case FAILED -> result.error() + ": " + result.cause();
        };
    }
}
