package io.autoremediate.local.cloudwatch;

/** The three states of a CloudWatch metric alarm, spelled as in {@code detail.state.value}. */
public enum AlarmStateValue {
    OK,
    ALARM,
    INSUFFICIENT_DATA
}
