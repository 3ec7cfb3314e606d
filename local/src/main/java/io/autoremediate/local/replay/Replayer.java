package io.autoremediate.local.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.EngineClock;
import io.autoremediate.engine.ExecutionListener;
import io.autoremediate.engine.ExecutionResult;
import io.autoremediate.functions.command.CommandRunner;
import io.autoremediate.functions.incident.AlarmState;
import io.autoremediate.functions.notify.NotificationChannel;
import io.autoremediate.local.adapters.FolderRunbookStore;
import io.autoremediate.local.arn.LocalArns;
import io.autoremediate.local.json.LocalJson;
import io.autoremediate.local.runtime.HistoryFiles;
import io.autoremediate.local.runtime.LocalAdapters;
import io.autoremediate.local.runtime.LocalRuntime;
import io.autoremediate.local.runtime.RemediationOutcome;
import io.autoremediate.local.runtime.StandingApproval;
import io.autoremediate.local.runtime.StateMachineTemplate;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Runs one alarm event through the real state machine on this machine, with runbooks from a folder and
 * commands run by local bash, and reports what happened.
 */
public final class Replayer {

    /**
     * @param alarmAfterSuccess what the alarm reads once a runbook run succeeded (there is no live alarm)
     * @param settings          overrides of the state machine's settings
     * @param approve           approve runbooks that ask for approval; otherwise they are denied
     */
    public record Options(StateMachineTemplate template, Path runbooks, Path workDir, boolean dryRun, boolean approve,
                          AlarmState alarmAfterSuccess, JsonNode settings, List<NotificationChannel> channels,
                          CommandRunner commandRunner, EngineClock clock) {
    }

    /** Short waits: a replay is a rehearsal on a laptop, not a wait for CloudWatch's one-minute periods. */
    static final String REPLAY_SETTINGS = """
            {"pauseBetweenAttemptsSeconds": 1, "pollIntervalSeconds": 1, "recoveryCheckIntervalSeconds": 1,
             "maxRecoveryChecks": 3, "commandTimeoutSeconds": 120, "maxPolls": 150}""";

    /** Nobody answers a prompt during a replay, so approval must be given up front. */
    static final String NOT_APPROVED = "replay runs a runbook that asks for approval only with --approve";

    private final Options options;

    public Replayer(Options options) {
        this.options = options;
    }

    public ReplayReport replay(JsonNode event, ExecutionListener listener) {
        RecordingCommandRunner commands = new RecordingCommandRunner(options.commandRunner());
        List<RecordingChannel.Sent> notices = RecordingChannel.newLog();
        LocalAdapters adapters = new LocalAdapters(
                new FolderRunbookStore(options.runbooks()),
                commands,
                new ReplayAlarm(commands, options.alarmAfterSuccess(), Clock.systemUTC()),
                options.channels().stream().map(c -> (NotificationChannel) new RecordingChannel(c, notices)).toList());
        try (LocalRuntime runtime = LocalRuntime.builder().adapters(adapters).template(options.template())
                .clock(options.clock()).build()) {
            if (options.approve()) {
                StandingApproval.approveAll(runtime);
            } else {
                StandingApproval.denyAll(runtime, NOT_APPROVED);
            }
            ExecutionResult result = runtime.handle(event, settings(), listener);
            Path history = HistoryFiles.write(options.workDir().resolve("executions"), result);
            return new ReplayReport(LocalArns.executionName(result.executionArn()), result.status().name(),
                    RemediationOutcome.of(result).name(), RemediationOutcome.reasonOf(result), commands.sent(),
                    List.copyOf(notices), history.toAbsolutePath().toString());
        }
    }

    private ObjectNode settings() {
        ObjectNode settings = (ObjectNode) parse(REPLAY_SETTINGS);
        if (options.settings() != null && options.settings().isObject()) {
            settings.setAll((ObjectNode) options.settings());
        }
        if (options.dryRun()) {
            settings.put("dryRun", true);
        }
        return settings;
    }

    private static JsonNode parse(String json) {
        try {
            return LocalJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
