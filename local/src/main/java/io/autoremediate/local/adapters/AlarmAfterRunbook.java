package io.autoremediate.local.adapters;

import io.autoremediate.functions.alarm.AlarmReading;
import io.autoremediate.functions.alarm.AlarmStateReader;
import io.autoremediate.functions.command.CommandProgress;
import io.autoremediate.functions.command.CommandRequest;
import io.autoremediate.functions.command.CommandRunner;
import io.autoremediate.functions.incident.AlarmState;
import io.autoremediate.functions.send.RunbookEnvironment;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Executions started through serve's API have no live CloudWatch alarm behind them, so this stands in for
 * both the command runner and the alarm: it passes runbook runs to a real runner and makes an alarm read OK
 * once after a run for it succeeds (the recovery check), ALARM otherwise, so a later incident of the same
 * alarm is not taken for stale.
 */
public final class AlarmAfterRunbook implements CommandRunner, AlarmStateReader {
    private static final String ALARM_NAME_VARIABLE = RunbookEnvironment.PREFIX + "ALARM_NAME";

    private final CommandRunner runner;
    private final Clock clock;
    private final Map<String, String> alarmOfCommand = new ConcurrentHashMap<>();
    private final Set<String> healed = ConcurrentHashMap.newKeySet();

    public AlarmAfterRunbook(CommandRunner runner, Clock clock) {
        this.runner = runner;
        this.clock = clock;
    }

    @Override
    public String send(CommandRequest request) {
        String commandId = runner.send(request);
        String alarmName = request.environment().get(ALARM_NAME_VARIABLE);
        if (alarmName != null) {
            alarmOfCommand.put(commandId, alarmName);
        }
        return commandId;
    }

    @Override
    public CommandProgress progress(String commandId, String instanceId) {
        CommandProgress progress = runner.progress(commandId, instanceId);
        String alarmName = alarmOfCommand.get(commandId);
        if (progress.succeeded() && alarmName != null && alarmOfCommand.remove(commandId) != null) {
            healed.add(alarmName);
        }
        return progress;
    }

    @Override
    public AlarmReading read(String alarmName) {
        boolean ok = healed.remove(alarmName);
        return new AlarmReading(alarmName, ok ? AlarmState.OK : AlarmState.ALARM,
                ok ? "autoremediate serve: OK after a successful runbook run"
                        : "autoremediate serve: firing until a runbook run for it succeeds", clock.instant());
    }
}
