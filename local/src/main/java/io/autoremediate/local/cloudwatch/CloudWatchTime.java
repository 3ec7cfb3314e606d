package io.autoremediate.local.cloudwatch;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The three timestamp spellings CloudWatch uses in alarm events; all are UTC. */
final class CloudWatchTime {

    /** {@code state.timestamp} and reasonData dates: {@code 2019-10-02T17:04:40.989+0000} (no colon in the offset). */
    static final DateTimeFormatter STATE_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
    /** The EventBridge envelope's {@code time}: {@code 2019-10-02T17:04:40Z}, whole seconds. */
    static final DateTimeFormatter EVENT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    /** Datapoint times inside a state reason: {@code 02/10/19 16:59:00} (day first). */
    static final DateTimeFormatter REASON_DATAPOINT =
            DateTimeFormatter.ofPattern("dd/MM/yy HH:mm:ss").withZone(ZoneOffset.UTC);

    private CloudWatchTime() {
    }

    static String stateTimestamp(Instant instant) {
        return STATE_TIMESTAMP.format(instant);
    }

    static String eventTime(Instant instant) {
        return EVENT_TIME.format(instant);
    }

    static String reasonDatapoint(Instant instant) {
        return REASON_DATAPOINT.format(instant);
    }
}
