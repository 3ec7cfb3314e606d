package io.autoremediate.tests;

import io.autoremediate.functions.command.CommandProgress;
import io.autoremediate.functions.command.CommandRequest;
import io.autoremediate.functions.command.CommandRunner;
import io.autoremediate.local.adapters.LocalShellCommandRunner;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local shell runner, counting the runbook processes still running, so that {@link FastForwardClock} lets
 * no virtual time pass faster than real time while one runs.
 */
final class RunbooksInFlight implements CommandRunner {

    private final LocalShellCommandRunner shell;
    private final AtomicInteger running = new AtomicInteger();

    RunbooksInFlight(LocalShellCommandRunner shell) {
        this.shell = shell;
    }

    @Override
    public String send(CommandRequest request) {
        running.incrementAndGet();
        String commandId;
        try {
            commandId = shell.send(request);
        } catch (RuntimeException e) {
            running.decrementAndGet();
            throw e;
        }
        Thread watcher = new Thread(() -> {
            try {
                shell.awaitEnd(commandId, 1, TimeUnit.HOURS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
        }, "runbook-watch-" + commandId);
        watcher.setDaemon(true);
        watcher.start();
        return commandId;
    }

    @Override
    public CommandProgress progress(String commandId, String instanceId) {
        return shell.progress(commandId, instanceId);
    }

    boolean anyRunning() {
        return running.get() > 0;
    }
}
