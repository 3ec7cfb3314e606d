package io.autoremediate.functions.incident;

/** The three states of a CloudWatch alarm, spelled as CloudWatch spells them. */
public enum AlarmState {
    OK,
    ALARM,
    INSUFFICIENT_DATA;

    /** Parses CloudWatch's spelling; null when the text is not an alarm state. */
    public static AlarmState parse(String text) {
        for (AlarmState state : values()) {
            if (state.name().equals(text)) {
                return state;
            }
        }
        return null;
    }
}
