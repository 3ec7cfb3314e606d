package io.autoremediate.functions.alarm;

/** The alarm named by the incident no longer exists (deleted or renamed since it fired). */
public class AlarmNotFoundException extends RuntimeException {

    public AlarmNotFoundException(String alarmName) {
        super("alarm '" + alarmName + "' does not exist (deleted or renamed since it fired?)");
    }
}
