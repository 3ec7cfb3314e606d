package io.autoremediate.functions.handlers;

import io.autoremediate.functions.command.CommandProgress;
import io.autoremediate.functions.command.CommandRunner;
import io.autoremediate.functions.wiring.AwsAdapters;

/** Step 3: reads where a sent command stands; the state machine loops on it with a bound. */
public final class PollCommandHandler extends JsonHandler<PollCommandHandler.Input, CommandProgress> {

    /** @param polls how many polls came before this one */
    public record Input(String commandId, String instanceId, int polls) {
        public Input {
            if (commandId == null || commandId.isBlank() || instanceId == null || instanceId.isBlank()) {
                throw new IllegalArgumentException("commandId and instanceId are required");
            }
        }
    }

    private final CommandRunner runner;

    public PollCommandHandler() {
        this(AwsAdapters.commandRunner());
    }

    public PollCommandHandler(CommandRunner runner) {
        super(object(fields -> new Input(fields.text("commandId"), fields.text("instanceId"),
                fields.integer("polls", 0))), CommandProgress::toJson);
        this.runner = runner;
    }

    @Override
    public CommandProgress handle(Input request) {
        return runner.progress(request.commandId(), request.instanceId()).withPolls(request.polls() + 1);
    }
}
