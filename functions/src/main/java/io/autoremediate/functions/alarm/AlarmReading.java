package io.autoremediate.functions.alarm;

import io.autoremediate.functions.incident.AlarmState;
import java.time.Instant;
import java.util.Objects;

/** An alarm's state as read now, to decide whether a remediation worked. */
public record AlarmReading(String alarmName, AlarmState state, String reason, Instant updatedAt) {

    public AlarmReading {
        Objects.requireNonNull(alarmName, "alarmName");
        Objects.requireNonNull(state, "state");
    }

    public boolean ok() {
        return state == AlarmState.OK;
    }
}
