package io.autoremediate.functions.notify;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.functions.alarm.AlarmReading;
import io.autoremediate.functions.command.CommandProgress;
import io.autoremediate.functions.guard.GuardVerdict;
import io.autoremediate.functions.resolve.Resolution;

/**
 * The execution's state when people are told, as far as it got: any part may be missing, since an
 * escalation can come from any step.
 *
 * @param event      the alarm event the execution started from
 * @param settings   the settings in force
 * @param progress   the remediation attempt reached (0 before the first) and recovery checks made
 * @param guard      what the guard said last, when it was asked
 * @param awaitingApproval set when the execution reached the approval gate
 * @param failure    what a Catch recorded, when a step failed
 */
public record RemediationContext(
        JsonNode event,
        JsonNode settings,
        Resolution resolution,
        CommandProgress command,
        AlarmReading alarm,
        Progress progress,
        GuardVerdict guard,
        Boolean awaitingApproval,
        CaughtError failure) {

    /** The counters the state machine keeps. */
    public record Progress(int attempt, int recoveryChecks, int guardWaits) {
    }

    /** True while or after the execution asked a person for approval (its approval request was sent). */
    public boolean approval() {
        return awaitingApproval != null && awaitingApproval;
    }

    public int attemptsMade() {
        return progress == null ? 0 : progress.attempt();
    }

    public int maxAttempts() {
        return settings != null && settings.path("maxAttempts").canConvertToInt()
                ? settings.path("maxAttempts").asInt() : 0;
    }
}
