package io.autoremediate.local.cloudwatch;

import java.time.Instant;
import java.util.Objects;

/**
 * An alarm's state as CloudWatch reports it in {@code detail.state}: value, human reason, machine reason
 * ({@code reasonData}, a JSON document kept as a string, absent for the initial state) and when it was set.
 */
public record AlarmState(AlarmStateValue value, String reason, String reasonData, Instant timestamp) {

    /** The reason CloudWatch gives a newly created alarm. */
    public static final String INITIAL_REASON = "Unchecked: Initial alarm creation";

    public AlarmState {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    static AlarmState initial(Instant createdAt) {
        return new AlarmState(AlarmStateValue.INSUFFICIENT_DATA, INITIAL_REASON, null, createdAt);
    }
}
