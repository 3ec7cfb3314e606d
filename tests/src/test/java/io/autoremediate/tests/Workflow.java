package io.autoremediate.tests;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.ExecutionListener;
import io.autoremediate.engine.ExecutionResult;
import io.autoremediate.functions.alarm.AlarmStateReader;
import io.autoremediate.functions.command.CommandProgress;
import io.autoremediate.functions.command.CommandRequest;
import io.autoremediate.functions.command.CommandRunner;
import io.autoremediate.functions.notify.Notice;
import io.autoremediate.functions.notify.NotificationChannel;
import io.autoremediate.functions.notify.NotificationFailedException;
import io.autoremediate.functions.runbook.RunbookStore;
import io.autoremediate.local.adapters.FolderRunbookStore;
import io.autoremediate.local.adapters.JsonLinesNotificationChannel;
import io.autoremediate.local.adapters.LocalShellCommandRunner;
import io.autoremediate.local.json.LocalJson;
import io.autoremediate.local.runtime.LocalAdapters;
import io.autoremediate.local.runtime.LocalRuntime;
import io.autoremediate.local.runtime.StandingApproval;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real state machine definition with the real handlers and local adapters, set up in a temporary
 * folder: runbooks are files, commands are real bash processes, the alarm is a state file the runbooks
 * can heal, and notices are appended to a JSON-lines file.
 */
final class Workflow implements AutoCloseable {

    final Path runbooks;
    final Path stateFile;
    final Path noticesFile;
    final FileAlarm alarm;
    final List<CommandRequest> sent = new CopyOnWriteArrayList<>();
    final List<Notice> notices = new CopyOnWriteArrayList<>();
    /** The task tokens of the approval requests, in the order they were issued. */
    final List<String> tokens = new CopyOnWriteArrayList<>();
    private final LocalShellCommandRunner shell;
    private final LocalRuntime runtime;

    Workflow(Path dir) throws IOException {
        this(dir, null);
    }

    /** @param alarms the alarm to read instead of the state file, or null for the state file */
    Workflow(Path dir, AlarmStateReader alarms) throws IOException {
        this(dir, null, alarms);
    }

    /** @param store where the handlers look for runbooks instead of the {@link #runbooks} folder */
    static Workflow withRunbookStore(Path dir, RunbookStore store) throws IOException {
        return new Workflow(dir, store, null);
    }

    private Workflow(Path dir, RunbookStore store, AlarmStateReader alarms) throws IOException {
        runbooks = Files.createDirectories(dir.resolve("remediations"));
        stateFile = dir.resolve("alarm-state");
        noticesFile = dir.resolve("notifications.jsonl");
        alarm = new FileAlarm(stateFile);
        shell = new LocalShellCommandRunner(dir.resolve("command-output"),
                Map.of("ALARM_STATE_FILE", stateFile.toString(), "WORK_DIR", dir.toString()));
        RunbooksInFlight runbooksInFlight = new RunbooksInFlight(shell);
        CommandRunner recordingShell = new CommandRunner() {
            @Override
            public String send(CommandRequest request) {
                sent.add(request);
                return runbooksInFlight.send(request);
            }

            @Override
            public CommandProgress progress(String commandId, String instanceId) {
                return runbooksInFlight.progress(commandId, instanceId);
            }
        };
        JsonLinesNotificationChannel jsonl = new JsonLinesNotificationChannel(noticesFile, Clock.systemUTC());
        NotificationChannel recordingJsonl = new NotificationChannel() {
            @Override
            public String name() {
                return jsonl.name();
            }

            @Override
            public String deliver(Notice notice) throws NotificationFailedException {
                notices.add(notice);
                return jsonl.deliver(notice);
            }
        };
        runtime = LocalRuntime.builder().adapters(new LocalAdapters(
                store == null ? new FolderRunbookStore(runbooks) : store,
                recordingShell, alarms == null ? alarm : alarms, List.of(recordingJsonl)))
                .clock(new FastForwardClock(runbooksInFlight::anyRunning)).build();
        runtime.onApprovalRequest(issued -> tokens.add(issued.taskToken()));
    }

    void runbook(String key, String script) throws IOException {
        Path file = runbooks.resolve(key);
        Files.writeString(file, "#!/usr/bin/env bash\nset -eu\n" + script + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Nobody is at the console in a test: every approval request is answered as it is sent. */
    void approveEveryRequest() {
        StandingApproval.approveAll(runtime);
    }

    void denyEveryRequest(String reason) {
        StandingApproval.denyAll(runtime, reason);
    }

    /** Answers approval requests with a given answer, as someone calling SendTaskSuccess by hand might. */
    void answerEveryRequest(JsonNode answer) {
        runtime.onApprovalRequest(issued -> runtime.approve(issued.taskToken(), answer));
    }

    ExecutionResult handle(JsonNode event) {
        return handle(event, Map.of());
    }

    ExecutionResult handle(JsonNode event, Map<String, Object> settings) {
        return runtime.handle(event, LocalJson.MAPPER.valueToTree(settings), ExecutionListener.NONE);
    }

    static JsonNode fixture(String name) {
        try (InputStream in = Workflow.class.getResourceAsStream("/fixtures/" + name)) {
            return LocalJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        runtime.close();
        shell.close();
    }
}
