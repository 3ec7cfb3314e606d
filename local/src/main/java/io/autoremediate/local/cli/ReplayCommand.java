package io.autoremediate.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.EngineClock;
import io.autoremediate.engine.ExecutionListener;
import io.autoremediate.engine.InvalidDefinitionException;
import io.autoremediate.functions.incident.AlarmState;
import io.autoremediate.functions.notify.NotificationChannel;
import io.autoremediate.functions.settings.RemediationSettings;
import io.autoremediate.local.adapters.ConsoleNotificationChannel;
import io.autoremediate.local.adapters.JsonLinesNotificationChannel;
import io.autoremediate.local.adapters.LocalShellCommandRunner;
import io.autoremediate.local.json.LocalJson;
import io.autoremediate.local.replay.ReplayReport;
import io.autoremediate.local.replay.Replayer;
import io.autoremediate.local.runtime.LocalRuntime;
import io.autoremediate.local.runtime.StateMachineTemplate;
import io.autoremediate.local.timeline.ExecutionTimeline;
import io.autoremediate.local.timeline.Timeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs one alarm event (for instance one captured from EventBridge) through the real state machine on
 * this machine and prints what happened as one JSON document.
 */
@Command(name = "replay", description = {
        "Run one CloudWatch alarm state change event through the remediation state machine on this machine.",
        "Runbooks run for real in local bash (use --dry-run to only resolve). Prints one JSON report on stdout."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the execution ran to an end, whatever its outcome (see the report)",
                "2:usage error: a missing or unreadable event, runbook folder or setting"})
public final class ReplayCommand implements Callable<Integer> {

    @Option(names = "--event", required = true, paramLabel = "FILE", description = "The alarm event, a JSON file.")
    private Path event;

    @Option(names = "--runbooks", paramLabel = "DIR", defaultValue = "remediations",
            description = "Folder of runbooks%nDefault: ${DEFAULT-VALUE}")
    private Path runbooks;

    @Option(names = "--dry-run", description = "Resolve and report what would run; send nothing.")
    private boolean dryRun;

    @Option(names = "--approve", description = "Approve runbooks that ask for approval (header line"
            + " '# autoremediate: approval=required'). Without it they are denied and the incident escalates.")
    private boolean approve;

    @Option(names = "--alarm-after-success", paramLabel = "STATE", defaultValue = "OK",
            description = "What the alarm reads after a runbook run succeeds: OK (default) or ALARM.")
    private AlarmState alarmAfterSuccess;

    @Option(names = "--settings", paramLabel = "JSON", description = "State machine settings to override, as JSON.")
    private String settings;

    @Option(names = "--definition", paramLabel = "FILE",
            description = "A state machine definition (JSON) to use instead of the bundled one.")
    private Path definition;

    @Option(names = "--quiet", description = "Print only the JSON report: no timeline on stderr.")
    private boolean quiet;

    @Option(names = "--work-dir", paramLabel = "DIR", defaultValue = ".autoremediate",
            description = "Where command output, notices and execution histories are kept%nDefault: ${DEFAULT-VALUE}")
    private Path workDir;

    @Override
    public Integer call() throws IOException {
        JsonNode alarmEvent = JsonFiles.json(event, "event");
        if (!Files.isDirectory(runbooks)) {
            throw new UsageException("runbooks folder " + runbooks.toAbsolutePath() + " does not exist");
        }
        Path work = workDir.resolve("replay");
        List<NotificationChannel> channels = List.of(
                new ConsoleNotificationChannel(System.err),
                new JsonLinesNotificationChannel(work.resolve("notifications.jsonl"), Clock.systemUTC()));
        try (LocalShellCommandRunner runner = new LocalShellCommandRunner(work.resolve("command-output"), Map.of())) {
            Replayer replayer = new Replayer(new Replayer.Options(template(), runbooks, work, dryRun, approve,
                    alarmAfterSuccess, settingsOverride(), channels, runner, EngineClock.system()));
            // The timeline goes to stderr so that stdout stays one JSON document for scripts.
            ExecutionListener timeline = quiet ? ExecutionListener.NONE
                    : new ExecutionTimeline(new Timeline(System.err, Clock.systemUTC()), "replay");
            ReplayReport report = replayer.replay(alarmEvent, timeline);
            System.out.println(LocalJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report));
            return 0;
        }
    }

    private StateMachineTemplate template() {
        if (definition == null) {
            return LocalRuntime.bundledTemplate();
        }
        try {
            return new StateMachineTemplate(JsonFiles.text(definition, "definition"));
        } catch (InvalidDefinitionException e) {
            throw new UsageException("invalid definition " + definition + ": " + e.getMessage());
        }
    }

    private JsonNode settingsOverride() {
        if (settings == null) {
            return null;
        }
        try {
            JsonNode node = LocalJson.MAPPER.readTree(settings);
            return RemediationSettings.validated(node);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--settings: " + e.getMessage());
        } catch (IOException e) {
            throw new UsageException("--settings is not JSON: " + e.getMessage());
        }
    }
}
