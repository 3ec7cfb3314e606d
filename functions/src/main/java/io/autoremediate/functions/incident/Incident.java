package io.autoremediate.functions.incident;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.functions.json.JsonFields;
import io.autoremediate.functions.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One alarm state change, as the remediation steps need it. Metric fields are null for metric-math and
 * anomaly-detection alarms; {@code instanceId} is null when no dimension names an instance.
 */
public record Incident(
        String alarmName,
        String alarmArn,
        AlarmState state,
        AlarmState previousState,
        String reason,
        String reasonData,
        Instant stateChangedAt,
        String description,
        String metricName,
        String namespace,
        Map<String, String> dimensions,
        String instanceId,
        String account,
        String region) {

    public Incident {
        Objects.requireNonNull(alarmName, "alarmName");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(stateChangedAt, "stateChangedAt");
        dimensions = dimensions == null ? Map.of() : Map.copyOf(dimensions);
    }

    /** True for a transition into ALARM, the only kind of change that may run a runbook. */
    public boolean isAlarmTransition() {
        return state == AlarmState.ALARM && previousState != AlarmState.ALARM;
    }

    public boolean hasMetric() {
        return metricName != null && namespace != null;
    }

    /** A short "where and what" for messages: the alarm name and its target. */
    public String label() {
        return instanceId == null ? "'" + alarmName + "'" : "'" + alarmName + "' on " + instanceId;
    }

    /** As the steps pass it on; {@code alarmTransition} is written for whoever reads the history, never read. */
    public ObjectNode toJson() {
        return JsonObject.create().text("alarmName", alarmName).text("alarmArn", alarmArn).text("state", state)
                .text("previousState", previousState).text("reason", reason).text("reasonData", reasonData)
                .time("stateChangedAt", stateChangedAt).text("description", description)
                .text("metricName", metricName).text("namespace", namespace).textMap("dimensions", dimensions)
                .text("instanceId", instanceId).text("account", account).text("region", region)
                .bool("alarmTransition", isAlarmTransition()).build();
    }

    public static Incident fromJson(JsonFields json) {
        return new Incident(json.requiredText("alarmName"), json.text("alarmArn"),
                json.requiredConstant("state", AlarmState.class), json.constant("previousState", AlarmState.class),
                json.text("reason"), json.text("reasonData"), json.requiredInstant("stateChangedAt"),
                json.text("description"), json.text("metricName"), json.text("namespace"),
                json.textMap("dimensions"), json.text("instanceId"), json.text("account"), json.text("region"));
    }
}
