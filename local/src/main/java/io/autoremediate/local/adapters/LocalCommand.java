package io.autoremediate.local.adapters;

import io.autoremediate.functions.command.CommandStatus;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/** One runbook process and what became of it. */
final class LocalCommand {

    private final String commandId;
    private final String instanceId;
    private final Path dir;
    private final Process process;
    private final AtomicBoolean timedOut = new AtomicBoolean();

    LocalCommand(String commandId, String instanceId, Path dir, Process process) {
        this.commandId = commandId;
        this.instanceId = instanceId;
        this.dir = dir;
        this.process = process;
    }

    String commandId() {
        return commandId;
    }

    String instanceId() {
        return instanceId;
    }

    Path dir() {
        return dir;
    }

    Process process() {
        return process;
    }

    boolean timedOut() {
        return timedOut.get();
    }

    int exitCode() {
        return process.exitValue();
    }

    CommandStatus status() {
        if (process.isAlive()) {
            return CommandStatus.IN_PROGRESS;
        }
        if (timedOut.get()) {
            return CommandStatus.TIMED_OUT;
        }
        return process.exitValue() == 0 ? CommandStatus.SUCCESS : CommandStatus.FAILED;
    }

    String statusDetails(CommandStatus status) {
        return switch (status) {
            case TIMED_OUT -> "Execution Timed Out";
            case FAILED -> "Failed";
            case SUCCESS -> "Success";
            default -> "InProgress";
        };
    }

    /** Ends the runbook and everything it started that is still its descendant, as SSM does on timeout. */
    void timeOut() {
        if (process.isAlive() && timedOut.compareAndSet(false, true)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
