package io.autoremediate.local.replay;

import io.autoremediate.functions.alarm.AlarmReading;
import io.autoremediate.functions.alarm.AlarmStateReader;
import io.autoremediate.functions.incident.AlarmState;
import java.time.Clock;

/**
 * A replayed event has no live alarm behind it, so this one stands in: it fires until a runbook run
 * succeeds, then reads the state the user chose (OK by default, ALARM to try the escalation path).
 */
final class ReplayAlarm implements AlarmStateReader {

    private final RecordingCommandRunner commands;
    private final AlarmState afterSuccess;
    private final Clock clock;

    ReplayAlarm(RecordingCommandRunner commands, AlarmState afterSuccess, Clock clock) {
        this.commands = commands;
        this.afterSuccess = afterSuccess;
        this.clock = clock;
    }

    @Override
    public AlarmReading read(String alarmName) {
        AlarmState state = commands.anySucceeded() ? afterSuccess : AlarmState.ALARM;
        return new AlarmReading(alarmName, state, "replay: the alarm reads " + state
                + (commands.anySucceeded() ? " after a successful runbook run" : " until a runbook run succeeds"),
                clock.instant());
    }
}
