package io.autoremediate.functions.incident;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.functions.json.Json;
import io.autoremediate.functions.runbook.Runbook;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Names an execution after the alarm change it handles, so that the same change delivered twice maps to the
 * same name and Step Functions refuses the duplicate. Names keep to what Step Functions accepts even with
 * CloudWatch Logs on (letters, digits, {@code -} and {@code _}, at most 80 characters); a hash of the
 * original alarm name and timestamp keeps two alarms that clean up to the same text apart.
 */
public final class ExecutionNames {

    public static final int MAX_LENGTH = 80;
    static final int MAX_ALARM_PART = 48;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private ExecutionNames() {
    }

    public static String forIncident(Incident incident) {
        return forChange(incident.alarmName(), incident.stateChangedAt());
    }

    public static String forChange(String alarmName, java.time.Instant changedAt) {
        String alarm = alarmName.replaceAll("[^A-Za-z0-9_-]", "_");
        if (alarm.length() > MAX_ALARM_PART) {
            alarm = alarm.substring(0, MAX_ALARM_PART);
        }
        return alarm + "-" + stamp(changedAt) + "-" + hash(alarmName + "|" + changedAt);
    }

    /** An instant as a compact UTC stamp, {@code 20191002T170440989Z}, usable in names and keys. */
    public static String stamp(java.time.Instant instant) {
        return STAMP.format(instant);
    }

    /** An event that is not a readable alarm change still gets a stable name, from its content. */
    public static String forEvent(JsonNode event) {
        try {
            return forIncident(new AlarmEventParser().parse(event));
        } catch (MalformedAlarmEventException e) {
            return "unreadable-event-" + hash(Json.write(event)).substring(0, 8);
        }
    }

    private static String hash(String text) {
        return Runbook.sha256(text.getBytes(StandardCharsets.UTF_8)).substring(0, 8);
    }
}
