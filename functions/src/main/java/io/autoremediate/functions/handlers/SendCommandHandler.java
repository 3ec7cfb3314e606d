package io.autoremediate.functions.handlers;

import io.autoremediate.functions.command.CommandProgress;
import io.autoremediate.functions.command.CommandRunner;
import io.autoremediate.functions.runbook.RunbookStore;
import io.autoremediate.functions.send.RemediationRequest;
import io.autoremediate.functions.send.RunbookSender;
import io.autoremediate.functions.wiring.AwsAdapters;

/** Step 2: sends the resolved runbook to the incident's instance and returns the command id. */
public final class SendCommandHandler extends JsonHandler<RemediationRequest, CommandProgress> {

    private final RunbookSender sender;

    public SendCommandHandler() {
        this(AwsAdapters.runbookStore(), AwsAdapters.commandRunner());
    }

    public SendCommandHandler(RunbookStore store, CommandRunner runner) {
        super(object(RemediationRequest::fromJson), CommandProgress::toJson);
        this.sender = new RunbookSender(store, runner);
    }

    @Override
    public CommandProgress handle(RemediationRequest request) {
        return sender.send(request);
    }
}
