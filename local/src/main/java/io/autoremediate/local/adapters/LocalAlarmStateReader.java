package io.autoremediate.local.adapters;

import io.autoremediate.functions.alarm.AlarmNotFoundException;
import io.autoremediate.functions.alarm.AlarmReading;
import io.autoremediate.functions.alarm.AlarmStateReader;
import io.autoremediate.functions.incident.AlarmState;
import io.autoremediate.local.cloudwatch.LocalAlarmEvaluator;
import io.autoremediate.local.cloudwatch.UnknownAlarmException;

/** Reads alarm states from the local evaluator, the stand-in for CloudWatch DescribeAlarms. */
public final class LocalAlarmStateReader implements AlarmStateReader {

    private final LocalAlarmEvaluator evaluator;

    public LocalAlarmStateReader(LocalAlarmEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    @Override
    public AlarmReading read(String alarmName) {
        try {
            io.autoremediate.local.cloudwatch.AlarmState state = evaluator.describe(alarmName);
            return new AlarmReading(alarmName, AlarmState.valueOf(state.value().name()), state.reason(), state.timestamp());
        } catch (UnknownAlarmException e) {
            throw new AlarmNotFoundException(alarmName);
        }
    }
}
