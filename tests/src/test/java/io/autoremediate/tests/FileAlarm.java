package io.autoremediate.tests;

import io.autoremediate.functions.alarm.AlarmReading;
import io.autoremediate.functions.alarm.AlarmStateReader;
import io.autoremediate.functions.incident.AlarmState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * An alarm whose state is a file: the test's runbooks heal it by writing {@code OK} there, as a real
 * runbook heals a service and CloudWatch then sees the metric recover.
 */
final class FileAlarm implements AlarmStateReader {

    private final Path stateFile;

    FileAlarm(Path stateFile) {
        this.stateFile = stateFile;
        set(AlarmState.ALARM);
    }

    void set(AlarmState state) {
        try {
            Files.writeString(stateFile, state.name() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public AlarmReading read(String alarmName) {
        try {
            return new AlarmReading(alarmName, AlarmState.valueOf(Files.readString(stateFile).strip()), "from file",
                    Instant.now());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
