package io.autoremediate.local.cloudwatch;

import java.util.Collection;
import java.util.List;

/** Thrown when an alarm is looked up by a name that was never put. */
public final class UnknownAlarmException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String alarmName;

    UnknownAlarmException(String alarmName, Collection<String> knownAlarms) {
        super("alarm '" + alarmName + "' does not exist; put it first with putAlarm. Known alarms: "
                + (knownAlarms.isEmpty() ? "none" : List.copyOf(knownAlarms)));
        this.alarmName = alarmName;
    }

    public String alarmName() {
        return alarmName;
    }
}
