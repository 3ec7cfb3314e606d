package io.autoremediate.local.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.ExecutionListener;
import io.autoremediate.engine.HistoryEvent;
import io.autoremediate.functions.notify.EscalationReason;
import io.autoremediate.local.json.LocalJson;
import java.io.IOException;

/** Tells the timeline what an execution does, state by state, in an operator's words. */
public final class ExecutionTimeline implements ExecutionListener {

    private final Timeline timeline;
    private final String label;

    public ExecutionTimeline(Timeline timeline, String label) {
        this.timeline = timeline;
        this.label = label;
    }

    @Override
    public void onEvent(HistoryEvent event) {
        String type = event.type();
        String state = event.stateName();
        switch (type) {
            case "ExecutionStarted" -> timeline.log("execution", label + ": started");
            case "TaskStateEntered", "WaitStateEntered" -> timeline.log("state", label + ": → " + state);
            case "TaskStateExited" -> taskExited(state, json(event.details().get("output")));
            case "LambdaFunctionFailed" -> timeline.log("state", label + ": ✗ " + event.details().path("error").asText()
                    + " " + EscalationReason.messageOf(event.details().path("cause").asText()));
            case "ExecutionSucceeded" -> timeline.log("execution", label + ": SUCCEEDED");
            case "ExecutionFailed" -> timeline.log("execution", label + ": FAILED " + event.details().path("error").asText()
                    + ": " + event.details().path("cause").asText());
            default -> {
            }
        }
    }

    private void taskExited(String state, JsonNode output) {
        switch (state) {
            case "ResolveScript" -> timeline.log("state", label + ": ← ResolveScript: "
                    + output.path("resolution").path("decision").asText() + ", "
                    + output.path("resolution").path("reason").asText());
            case "SendCommand" -> timeline.log("ssm", label + ": sent command " + output.path("command").path("commandId").asText()
                    + " to " + output.path("command").path("instanceId").asText()
                    + " (attempt " + output.path("progress").path("attempt").asText() + ")");
            case "PollCommand" -> {
                JsonNode command = output.path("command");
                timeline.log("ssm", label + ": command " + command.path("status").asText()
                        + (command.path("responseCode").asInt(-1) >= 0 ? ", exit code " + command.path("responseCode").asInt() : ""));
                if (command.path("terminal").asBoolean()) {
                    String text = command.path("outputTail").asText("") + command.path("errorTail").asText("");
                    if (!text.isBlank()) {
                        timeline.block(text);
                    }
                }
            }
            case "CheckAlarm", "CheckBeforeRetry" -> timeline.log("cloudwatch", label + ": alarm reads "
                    + output.path("alarm").path("state").asText());
            case "Escalate", "NotifyResolved" -> {
                JsonNode result = output.path(state.equals("Escalate") ? "escalation" : "notification");
                timeline.log("notify", label + ": " + result.path("kind").asText() + " sent to "
                        + result.path("deliveries").findValuesAsText("channel"));
            }
            default -> timeline.log("state", label + ": ← " + state);
        }
    }

    private static JsonNode json(JsonNode value) {
        if (value == null) {
            return LocalJson.MAPPER.missingNode();
        }
        if (!value.isTextual()) {
            return value;
        }
        try {
            return LocalJson.MAPPER.readTree(value.asText());
        } catch (IOException e) {
            return LocalJson.MAPPER.missingNode();
        }
    }
}
