package io.autoremediate.functions.incident;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.functions.json.JsonTrees;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names an execution after the alarm change it handles, so the same change delivered twice maps to the same
 * name and Step Functions refuses the duplicate: {@code <alarm>-<alarm hash>-<instance>-<change stamp>},
 * e.g. {@code webapp-uptime-5d41ab-i-0abc12345def67890-20261125T170440989Z}. Names keep to what Step Functions
 * accepts even with CloudWatch Logs on (letters, digits, {@code -} and {@code _}, at most 80 characters). The
 * alarm hash keeps apart alarms whose names clean up to the same text; the instance and stamp let the guard
 * read, from names alone, which executions concern one instance and how often one alarm fired.
 */
public final class ExecutionNames {

    public static final int MAX_LENGTH = 80;
    static final int MAX_ALARM_PART = 30;
    static final String NO_INSTANCE = "none";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile(
            "(.*)-([0-9a-f]{6})-(i-[0-9a-f]{8}|i-[0-9a-f]{17}|mi-[0-9a-f]{17}|none)-(\\d{8}T\\d{9}Z)");

    /** What a name says: which alarm (by its cleaned name and hash), which instance, which change. */
    public record NameParts(String alarmKey, String instanceId, Instant changedAt) {

        public boolean hasInstance() {
            return !NO_INSTANCE.equals(instanceId);
        }
    }

    private ExecutionNames() {
    }

    public static String forIncident(Incident incident) {
        String alarm = incident.alarmName().replaceAll("[^A-Za-z0-9_-]", "_");
        if (alarm.length() > MAX_ALARM_PART) {
            alarm = alarm.substring(0, MAX_ALARM_PART);
        }
        String instance = InstanceIds.isValid(incident.instanceId()) ? incident.instanceId() : NO_INSTANCE;
        return alarm + "-" + hash(incident.alarmName()).substring(0, 6) + "-" + instance + "-"
                + stamp(incident.stateChangedAt());
    }

    /** An event that is not a readable alarm change still gets a stable name, from its content. */
    public static String forEvent(JsonNode event) {
        try {
            return forIncident(new AlarmEventParser().parse(event));
        } catch (MalformedAlarmEventException e) {
            return "unreadable-event-" + hash(JsonTrees.write(event)).substring(0, 16);
        }
    }

    /** Reads a name this class made; empty for any other name. */
    public static Optional<NameParts> parse(String name) {
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Instant changedAt = LocalDateTime.parse(matcher.group(4), STAMP.withZone(null)).toInstant(ZoneOffset.UTC);
        return Optional.of(new NameParts(matcher.group(1) + "-" + matcher.group(2), matcher.group(3), changedAt));
    }

    /** An instant as a compact UTC stamp, {@code 20191002T170440989Z}, usable in names and keys. */
    public static String stamp(Instant instant) {
        return STAMP.format(instant);
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
