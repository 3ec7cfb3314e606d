package io.autoremediate.functions.send;

import io.autoremediate.functions.command.CommandProgress;
import io.autoremediate.functions.command.CommandRequest;
import io.autoremediate.functions.command.CommandRunner;
import io.autoremediate.functions.incident.ExecutionNames;
import io.autoremediate.functions.runbook.Runbook;
import io.autoremediate.functions.runbook.RunbookRef;
import io.autoremediate.functions.runbook.RunbookStore;
import java.time.Duration;

/** Sends exactly the runbook that was resolved (same SHA-256) to the incident's instance. */
public final class RunbookSender {

    static final int MAX_COMMENT_LENGTH = 100;

    private final RunbookStore store;
    private final CommandRunner runner;

    public RunbookSender(RunbookStore store, CommandRunner runner) {
        this.store = store;
        this.runner = runner;
    }

    public CommandProgress send(RemediationRequest request) {
        RunbookRef resolved = request.runbook();
        Runbook runbook = store.find(resolved.key()).orElseThrow(() -> new RunbookChangedException(
                "runbook '" + resolved.key() + "' was deleted from " + store.describe() + " after it was resolved"));
        if (!runbook.ref().sha256().equals(resolved.sha256())) {
            throw new RunbookChangedException("runbook '" + resolved.key() + "' changed after it was resolved"
                    + " (sha256 " + resolved.sha256() + " then, " + runbook.ref().sha256() + " now): not sending");
        }
        String instanceId = request.incident().instanceId();
        String commandId = runner.send(new CommandRequest(
                instanceId,
                runbook,
                RunbookEnvironment.of(request),
                Duration.ofSeconds(request.commandTimeoutSeconds()),
                comment(request),
                outputKeyPrefix(request)));
        return CommandProgress.sent(commandId, instanceId);
    }

    private static String comment(RemediationRequest request) {
        String comment = "autoremediate " + request.incident().alarmName() + " attempt " + request.attempt();
        return comment.length() <= MAX_COMMENT_LENGTH ? comment : comment.substring(0, MAX_COMMENT_LENGTH - 1) + "…";
    }

    /** The incident's own folder of output: one per alarm change, one sub-folder per attempt. */
    static String outputKeyPrefix(RemediationRequest request) {
        String alarm = request.incident().alarmName().replaceAll("[^A-Za-z0-9._-]", "_").replace("..", "__");
        String changedAt = ExecutionNames.stamp(request.incident().stateChangedAt());
        return alarm + "/" + changedAt + "/attempt-" + request.attempt();
    }
}
