package io.autoremediate.functions.incident;

/** The execution input is not a CloudWatch alarm state change event we can act on; the message says why. */
public class MalformedAlarmEventException extends RuntimeException {

    public MalformedAlarmEventException(String message) {
        super(message);
    }
}
