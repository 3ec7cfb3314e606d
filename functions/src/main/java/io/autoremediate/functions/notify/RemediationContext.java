package io.autoremediate.functions.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.functions.alarm.AlarmReading;
import io.autoremediate.functions.command.CommandProgress;
import io.autoremediate.functions.guard.GuardVerdict;
import io.autoremediate.functions.json.JsonFields;
import io.autoremediate.functions.json.JsonObject;
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

    public ObjectNode toJson() {
        return JsonObject.create().node("event", event).node("settings", settings)
                .node("resolution", resolution == null ? null : resolution.toJson())
                .node("command", command == null ? null : command.toJson())
                .node("alarm", alarm == null ? null : alarm.toJson())
                .node("progress", progress == null ? null : JsonObject.create().number("attempt", progress.attempt())
                        .number("recoveryChecks", progress.recoveryChecks()).number("guardWaits", progress.guardWaits())
                        .build())
                .node("guard", guard == null ? null : guard.toJson()).bool("awaitingApproval", awaitingApproval)
                .node("failure", failure == null ? null : failure.toJson()).build();
    }

    public static RemediationContext fromJson(JsonFields json) {
        JsonFields resolution = json.object("resolution");
        JsonFields command = json.object("command");
        JsonFields alarm = json.object("alarm");
        JsonFields progress = json.object("progress");
        JsonFields guard = json.object("guard");
        JsonFields failure = json.object("failure");
        return new RemediationContext(json.node("event"), json.node("settings"),
                resolution == null ? null : Resolution.fromJson(resolution),
                command == null ? null : CommandProgress.fromJson(command),
                alarm == null ? null : AlarmReading.fromJson(alarm),
                progress == null ? null : new Progress(progress.integer("attempt", 0),
                        progress.integer("recoveryChecks", 0), progress.integer("guardWaits", 0)),
                guard == null ? null : GuardVerdict.fromJson(guard), json.optionalBool("awaitingApproval"),
                failure == null ? null : CaughtError.fromJson(failure));
    }
}
