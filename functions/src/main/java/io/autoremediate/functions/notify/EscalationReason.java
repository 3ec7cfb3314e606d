package io.autoremediate.functions.notify;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.functions.command.CommandProgress;
import io.autoremediate.functions.errors.RemediationErrors;
import io.autoremediate.functions.guard.Verdict;
import io.autoremediate.functions.json.JsonTrees;
import io.autoremediate.functions.resolve.Decision;

/** Says, from how far the execution got, why the automation is giving the incident to people. */
public final class EscalationReason {

    /** The error an approver's denial fails the approval task with; declared in {@link RemediationErrors}. */
    public static final String DENIED = RemediationErrors.DENIED;

    private EscalationReason() {
    }

    public static String of(RemediationContext context) {
        if (context.failure() != null && DENIED.equals(context.failure().error())) {
            return "approval denied: " + messageOf(context.failure().cause());
        }
        if (context.failure() != null && context.failure().error().equals("States.Timeout") && context.approval()) {
            return "no one approved the runbook in time; nothing was run";
        }
        if (context.failure() != null) {
            return "step failed with " + context.failure().error() + ": " + messageOf(context.failure().cause());
        }
        if (context.resolution() != null && context.resolution().decision() == Decision.ESCALATE) {
            return context.resolution().reason();
        }
        if (context.guard() != null && context.guard().verdict() == Verdict.FLAPPING) {
            return context.guard().reason();
        }
        if (context.guard() != null && context.guard().verdict() == Verdict.WAIT) {
            return "gave up waiting after " + context.progress().guardWaits() + " waits: " + context.guard().reason();
        }
        CommandProgress command = context.command();
        if (command != null && !command.terminal()) {
            return "command " + command.commandId() + " still " + command.status().ssmName() + " after "
                    + command.polls() + " polls";
        }
        if (command != null && !command.succeeded()) {
            return "runbook " + command.status().ssmName()
                    + (command.responseCode() >= 0 ? " with exit code " + command.responseCode() : "")
                    + " on " + command.instanceId() + " (attempt " + context.attemptsMade() + ")";
        }
        if (context.alarm() != null && !context.alarm().ok()) {
            return "alarm still in " + context.alarm().state() + " after " + context.attemptsMade() + " attempt"
                    + (context.attemptsMade() == 1 ? "" : "s");
        }
        return "the remediation did not confirm recovery";
    }

    /** A Lambda error's Cause is its error JSON; people want the message, not the JSON. */
    public static String messageOf(String cause) {
        if (cause == null) {
            return "(no cause given)";
        }
        try {
            JsonNode node = JsonTrees.read(cause);
            if (node != null && node.path("errorMessage").isTextual()) {
                return node.get("errorMessage").asText();
            }
        } catch (java.io.IOException notJson) {
            // Causes from the engine itself are plain text.
        }
        return cause;
    }
}
