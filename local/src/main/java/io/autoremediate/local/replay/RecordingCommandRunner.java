package io.autoremediate.local.replay;

import io.autoremediate.functions.command.CommandProgress;
import io.autoremediate.functions.command.CommandRequest;
import io.autoremediate.functions.command.CommandRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Passes commands through to a real runner and remembers each one and how it ended, for the report. */
final class RecordingCommandRunner implements CommandRunner {

    private final CommandRunner delegate;
    private final Map<String, CommandRequest> requests = new ConcurrentHashMap<>();
    private final Map<String, CommandProgress> latest = new ConcurrentHashMap<>();
    private final List<String> order = new ArrayList<>();

    RecordingCommandRunner(CommandRunner delegate) {
        this.delegate = delegate;
    }

    @Override
    public synchronized String send(CommandRequest request) {
        String commandId = delegate.send(request);
        requests.put(commandId, request);
        order.add(commandId);
        return commandId;
    }

    @Override
    public CommandProgress progress(String commandId, String instanceId) {
        CommandProgress progress = delegate.progress(commandId, instanceId);
        latest.put(commandId, progress);
        return progress;
    }

    boolean anySucceeded() {
        return latest.values().stream().anyMatch(CommandProgress::succeeded);
    }

    synchronized List<SentCommand> sent() {
        List<SentCommand> sent = new ArrayList<>();
        for (String commandId : order) {
            CommandRequest request = requests.get(commandId);
            CommandProgress progress = latest.get(commandId);
            sent.add(new SentCommand(request.runbook().ref().key(), request.runbook().ref().sha256(),
                    request.instanceId(), commandId,
                    progress == null ? "Pending" : progress.status().ssmName(),
                    progress == null || progress.responseCode() < 0 ? null : progress.responseCode()));
        }
        return sent;
    }
}
