package io.autoremediate.functions.handlers;

import io.autoremediate.functions.alarm.AlarmReading;
import io.autoremediate.functions.alarm.AlarmStateReader;
import io.autoremediate.functions.wiring.AwsAdapters;

/** Step 4: reads the alarm's state now, to see whether the runbook healed the incident. */
public final class CheckAlarmHandler extends JsonHandler<CheckAlarmHandler.Input, AlarmReading> {

    public record Input(String alarmName) {
        public Input {
            if (alarmName == null || alarmName.isBlank()) {
                throw new IllegalArgumentException("alarmName is required");
            }
        }
    }

    private final AlarmStateReader reader;

    public CheckAlarmHandler() {
        this(AwsAdapters.alarmStateReader());
    }

    public CheckAlarmHandler(AlarmStateReader reader) {
        super(object(fields -> new Input(fields.text("alarmName"))), AlarmReading::toJson);
        this.reader = reader;
    }

    @Override
    public AlarmReading handle(Input request) {
        return reader.read(request.alarmName());
    }
}
