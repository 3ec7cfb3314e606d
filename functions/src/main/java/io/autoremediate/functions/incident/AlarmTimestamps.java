package io.autoremediate.functions.incident;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * CloudWatch writes alarm timestamps with an offset that has no colon ({@code 2019-10-02T17:04:40.989+0000}),
 * which {@link Instant#parse} rejects; this reads that form and the ISO forms, and writes CloudWatch's form.
 */
public final class AlarmTimestamps {

    private static final DateTimeFormatter READER = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private static final DateTimeFormatter WRITER = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private AlarmTimestamps() {
    }

    /** Parses a CloudWatch or ISO-8601 timestamp that carries an offset; throws with the text when it cannot. */
    public static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text, READER).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a timestamp like 2019-10-02T17:04:40.989+0000");
        }
    }

    public static String format(Instant instant) {
        return WRITER.format(instant.atOffset(java.time.ZoneOffset.UTC));
    }
}
