package io.autoremediate.functions.command;


/** Runs a runbook on a target: SSM Run Command in AWS, a local bash process locally. */
public interface CommandRunner {

    /** Starts the command and returns at once with its id; it runs on without the caller. */
    String send(CommandRequest request);

    /** Where the command stands on that instance now. Not yet known to the runner reads as PENDING. */
    CommandProgress progress(String commandId, String instanceId);
}
