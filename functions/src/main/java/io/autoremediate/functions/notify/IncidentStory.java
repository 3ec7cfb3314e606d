package io.autoremediate.functions.notify;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.functions.command.CommandProgress;
import io.autoremediate.functions.errors.RemediationErrors;
import io.autoremediate.functions.incident.Incident;
import io.autoremediate.functions.resolve.Resolution;
import io.autoremediate.functions.runbook.RunbookRef;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the one message that tells the whole story of an incident: the alarm, the target, the runbook
 * (or its absence), the command and its output, the attempts, the execution, and why it ends here.
 */
public final class IncidentStory {

    static final int MAX_FIELD_CHARS = 500;
    static final int MAX_TITLE_CHARS = 1_000;

    private IncidentStory() {
    }

    public static Notice tell(NoticeKind kind, RemediationContext context, String executionId) {
        return tell(kind, context, executionId, null);
    }

    /** The fact that sums up the notice in one line: its reason, resolution or request. */
    public static String summaryFact(NoticeKind kind) {
        return switch (kind) {
            case ESCALATION -> "Reason";
            case RESOLVED -> "Resolution";
            case APPROVAL_REQUEST -> "Approval";
        };
    }

    /** @param taskToken the token that answers an approval request; only for {@link NoticeKind#APPROVAL_REQUEST} */
    public static Notice tell(NoticeKind kind, RemediationContext context, String executionId, String taskToken) {
        Map<String, String> facts = new LinkedHashMap<>();
        Incident incident = context.resolution() == null ? null : context.resolution().incident();
        String alarmName = incident != null ? incident.alarmName() : rawAlarmName(context.event());
        String outcome = switch (kind) {
            case ESCALATION -> EscalationReason.of(context);
            case RESOLVED -> healedHow(context);
            case APPROVAL_REQUEST -> approvalWanted(context);
        };
        facts.put(summaryFact(kind), outcome);
        if (kind == NoticeKind.APPROVAL_REQUEST) {
            facts.put("Approve", "./autoremediate approve " + taskToken + "   (in AWS: aws stepfunctions send-task-success"
                    + " --task-token " + taskToken + " --task-output '{\"approved\": true}')");
            facts.put("Deny", "./autoremediate deny " + taskToken + " --reason '...'   (in AWS: aws stepfunctions"
                    + " send-task-failure --task-token " + taskToken + " --error " + RemediationErrors.DENIED + ")");
        }
        facts.put("Alarm", clip(alarmName));
        if (incident != null) {
            facts.put("Alarm ARN", incident.alarmArn());
            facts.put("Alarm state", incident.state() + " since " + incident.stateChangedAt()
                    + (incident.reason() == null ? "" : ": " + clip(incident.reason())));
            facts.put("Instance", incident.instanceId() == null ? "(none)" : clip(incident.instanceId()));
            if (incident.hasMetric()) {
                facts.put("Metric", clip(incident.metricName()) + " in " + clip(incident.namespace()));
            }
        }
        facts.put("Runbook", runbookLine(context.resolution()));
        CommandProgress command = context.command();
        if (command != null) {
            facts.put("Command", command.commandId() + " " + command.status().ssmName()
                    + (command.responseCode() >= 0 ? ", exit code " + command.responseCode() : "")
                    + (command.outputUrl() == null ? "" : ", full output " + command.outputUrl()));
            facts.put("Output tail", command.outputTail() == null || command.outputTail().isBlank()
                    ? "(empty)" : command.outputTail().strip());
            if (command.errorTail() != null && !command.errorTail().isBlank()) {
                facts.put("Error output tail", command.errorTail().strip());
            }
        }
        if (context.alarm() != null) {
            facts.put("Alarm now", context.alarm().state().name());
        }
        facts.put("Attempts", context.attemptsMade() + (context.maxAttempts() > 0 ? " of " + context.maxAttempts() : ""));
        facts.put("Execution", executionId == null ? "(unknown)" : executionId);

        String verb = switch (kind) {
            case ESCALATION -> "ESCALATED";
            case RESOLVED -> "RESOLVED";
            case APPROVAL_REQUEST -> "APPROVAL NEEDED";
        };
        String target = incident != null && incident.instanceId() != null ? " on " + clip(incident.instanceId()) : "";
        String title = clip("[autoremediate] " + verb + " '" + alarmName + "'" + target + ": " + outcome, MAX_TITLE_CHARS);
        return new Notice(kind, dedupKey(incident, executionId), "autoremediate", title, body(title, facts), facts);
    }

    private static String approvalWanted(RemediationContext context) {
        RunbookRef runbook = context.resolution() == null ? null : context.resolution().runbook();
        Incident incident = context.resolution() == null ? null : context.resolution().incident();
        return "runbook " + (runbook == null ? "" : "'" + runbook.key() + "' ") + "asks for approval before it runs"
                + (incident == null || incident.instanceId() == null ? "" : " on " + clip(incident.instanceId()))
                + "; nothing runs until someone approves";
    }

    private static String healedHow(RemediationContext context) {
        RunbookRef runbook = context.resolution() == null ? null : context.resolution().runbook();
        return "runbook " + (runbook == null ? "" : "'" + runbook.key() + "' ") + "healed it on attempt "
                + context.attemptsMade() + "; the alarm is OK again";
    }

    private static String runbookLine(Resolution resolution) {
        if (resolution == null) {
            return "(not resolved)";
        }
        RunbookRef runbook = resolution.runbook();
        if (runbook == null) {
            return "none found; looked for " + resolution.searched();
        }
        return runbook.key() + " (" + runbook.location() + ", version " + runbook.version() + ", sha256 "
                + runbook.sha256() + ", " + runbook.size() + " bytes)";
    }

    /** The alarm ARN keeps one page per alarm; without a parsed incident the execution is all we have. */
    private static String dedupKey(Incident incident, String executionId) {
        if (incident != null && incident.alarmArn() != null) {
            return incident.alarmArn();
        }
        return executionId == null ? "autoremediate:unknown-incident" : executionId;
    }

    private static String rawAlarmName(JsonNode event) {
        JsonNode name = event == null ? null : event.path("detail").path("alarmName");
        return name != null && name.isTextual() ? name.asText() : "(unreadable alarm event)";
    }

    private static String body(String title, Map<String, String> facts) {
        StringBuilder body = new StringBuilder(title).append("\n\n");
        facts.forEach((name, value) -> {
            if (value.contains("\n")) {
                body.append(name).append(":\n").append(value).append('\n');
            } else {
                body.append(name).append(": ").append(value).append('\n');
            }
        });
        return body.toString();
    }

    static String clip(String text) {
        return clip(text, MAX_FIELD_CHARS);
    }

    static String clip(String text, int max) {
        if (text == null) {
            return "(none)";
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
