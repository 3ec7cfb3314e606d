package io.autoremediate.local.adapters;

import io.autoremediate.functions.command.CommandProgress;
import io.autoremediate.functions.command.CommandRequest;
import io.autoremediate.functions.command.CommandRunner;
import io.autoremediate.functions.command.CommandStatus;
import io.autoremediate.functions.command.OutputTail;
import io.autoremediate.functions.errors.DependencyRefusedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local stand-in for SSM Run Command: the runbook runs in {@code bash} as a child process of this
 * machine, with the incident in its environment, a timeout, and its output kept in files laid out as SSM
 * lays them out in S3 ({@code <prefix>/<commandId>/<instanceId>/awsrunShellScript/0.awsrunShellScript/stdout}).
 */
public final class LocalShellCommandRunner implements CommandRunner, AutoCloseable {

    private final Path outputRoot;
    private final Map<String, String> extraEnvironment;
    private final Map<String, LocalCommand> commands = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timeouts = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "command-timeouts");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param outputRoot       the folder standing in for the output bucket
     * @param extraEnvironment added to every command's environment (e.g. a PATH with local stand-ins first)
     */
    public LocalShellCommandRunner(Path outputRoot, Map<String, String> extraEnvironment) {
        this.outputRoot = outputRoot.toAbsolutePath();
        this.extraEnvironment = Map.copyOf(extraEnvironment);
    }

    @Override
    public String send(CommandRequest request) {
        String commandId = UUID.randomUUID().toString();
        Path dir = outputRoot.resolve(safePrefix(request.outputKeyPrefix())).resolve(commandId)
                .resolve(safeSegment(request.instanceId())).resolve("awsrunShellScript").resolve("0.awsrunShellScript");
        try {
            Files.createDirectories(dir);
            Path script = dir.resolve("script.sh");
            Files.writeString(script, request.runbook().script(), StandardCharsets.UTF_8);
            ProcessBuilder builder = new ProcessBuilder("bash", script.toString())
                    .redirectOutput(dir.resolve("stdout").toFile())
                    .redirectError(dir.resolve("stderr").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            builder.environment().putAll(extraEnvironment);
            builder.environment().putAll(request.environment());
            LocalCommand command = new LocalCommand(commandId, request.instanceId(), dir, builder.start());
            commands.put(commandId, command);
            timeouts.schedule(command::timeOut, request.executionTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return commandId;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start bash for runbook " + request.runbook().ref().key()
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public CommandProgress progress(String commandId, String instanceId) {
        LocalCommand command = commands.get(commandId);
        if (command == null || !command.instanceId().equals(instanceId)) {
            throw new DependencyRefusedException("no local command " + commandId + " for instance " + instanceId, null);
        }
        CommandStatus status = command.status();
        return new CommandProgress(commandId, instanceId, status, command.statusDetails(status),
                status.terminal() && !command.timedOut() ? command.exitCode() : -1,
                OutputTail.of(read(command.dir().resolve("stdout"))),
                OutputTail.of(read(command.dir().resolve("stderr"))),
                command.dir().resolve("stdout").toUri().toString(), 0);
    }

    /** Waits for a command to end; for callers that need its result now (tests, the demo's summary). */
    public void awaitEnd(String commandId, long timeout, TimeUnit unit) throws InterruptedException {
        LocalCommand command = commands.get(commandId);
        if (command != null) {
            command.process().waitFor(timeout, unit);
        }
    }

    @Override
    public void close() {
        timeouts.shutdownNow();
        commands.values().forEach(LocalCommand::timeOut);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /** The prefix comes from alarm fields: only plain path segments survive. */
    static String safePrefix(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            return "_";
        }
        StringBuilder safe = new StringBuilder();
        for (String segment : prefix.split("/")) {
            if (!segment.isEmpty()) {
                safe.append(safe.length() == 0 ? "" : "/").append(safeSegment(segment));
            }
        }
        return safe.length() == 0 ? "_" : safe.toString();
    }

    static String safeSegment(String segment) {
        String safe = segment.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() || safe.chars().allMatch(c -> c == '.') ? "_" : safe;
    }
}
