package io.autoremediate.functions.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.functions.json.JsonFields;
import io.autoremediate.functions.json.JsonObject;
import java.util.Objects;

/**
 * Where a sent command stands, as the state machine sees it after each send or poll.
 *
 * @param polls        how many times it has been polled; the state machine bounds it
 * @param responseCode the script's exit code, -1 when it has not run (or never did)
 * @param outputTail   the end of standard output, enough for a message
 * @param errorTail    the end of standard error
 * @param outputUrl    where the full output is kept, when it is
 */
public record CommandProgress(
        String commandId,
        String instanceId,
        CommandStatus status,
        String statusDetails,
        int responseCode,
        String outputTail,
        String errorTail,
        String outputUrl,
        int polls) {

    public CommandProgress {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(status, "status");
    }

    /** Written into the state so the state machine's Choice can read it. */
    public boolean terminal() {
        return status.terminal();
    }

    public boolean succeeded() {
        return status == CommandStatus.SUCCESS;
    }

    public static CommandProgress sent(String commandId, String instanceId) {
        return new CommandProgress(commandId, instanceId, CommandStatus.PENDING, "Sent", -1, "", "", null, 0);
    }

    public CommandProgress withPolls(int count) {
        return new CommandProgress(commandId, instanceId, status, statusDetails, responseCode, outputTail,
                errorTail, outputUrl, count);
    }

    /** With {@code terminal}, which the state machine's Choice reads. */
    public ObjectNode toJson() {
        return JsonObject.create().text("commandId", commandId).text("instanceId", instanceId)
                .text("status", status.ssmName()).text("statusDetails", statusDetails).number("responseCode", responseCode)
                .text("outputTail", outputTail).text("errorTail", errorTail).text("outputUrl", outputUrl)
                .number("polls", polls).bool("terminal", terminal()).build();
    }

    public static CommandProgress fromJson(JsonFields json) {
        String status = json.requiredText("status");
        return new CommandProgress(json.requiredText("commandId"), json.requiredText("instanceId"),
                CommandStatus.fromSsm(status), json.text("statusDetails"), json.integer("responseCode", -1),
                json.text("outputTail"), json.text("errorTail"), json.text("outputUrl"), json.integer("polls", 0));
    }
}
