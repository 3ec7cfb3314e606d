package io.autoremediate.functions.incident;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads an EventBridge "CloudWatch Alarm State Change" event into an {@link Incident}. Every field is
 * treated as data; anything missing or of the wrong shape is reported by its path in the event.
 */
public final class AlarmEventParser {

    static final String SOURCE = "aws.cloudwatch";
    static final String DETAIL_TYPE = "CloudWatch Alarm State Change";
    static final int MAX_ALARM_NAME_LENGTH = 255;

    public Incident parse(JsonNode event) {
        if (event == null || !event.isObject()) {
            throw malformed("the event is not a JSON object");
        }
        requireText(event, "source", SOURCE);
        requireText(event, "detail-type", DETAIL_TYPE);
        JsonNode detail = object(event, "detail", "detail");
        String alarmName = text(detail, "alarmName", "detail.alarmName", true);
        if (alarmName.isBlank() || alarmName.length() > MAX_ALARM_NAME_LENGTH) {
            throw malformed("detail.alarmName must be 1 to " + MAX_ALARM_NAME_LENGTH + " characters");
        }
        JsonNode state = object(detail, "state", "detail.state");
        AlarmState value = stateValue(state, "detail.state");
        AlarmState previous = detail.hasNonNull("previousState")
                ? stateValue(object(detail, "previousState", "detail.previousState"), "detail.previousState")
                : null;
        Instant changedAt = timestamp(state, "detail.state.timestamp");
        String account = text(event, "account", "account", false);
        String region = text(event, "region", "region", false);
        MetricRef metric = metricOf(detail);
        return new Incident(
                alarmName,
                alarmArn(event, alarmName, account, region),
                value,
                previous,
                text(state, "reason", "detail.state.reason", false),
                text(state, "reasonData", "detail.state.reasonData", false),
                changedAt,
                detail.path("configuration").hasNonNull("description")
                        ? text(detail.get("configuration"), "description", "detail.configuration.description", false)
                        : null,
                metric == null ? null : metric.name(),
                metric == null ? null : metric.namespace(),
                metric == null ? Map.of() : metric.dimensions(),
                metric == null ? null : metric.dimensions().get("InstanceId"),
                account,
                region);
    }

    private record MetricRef(String name, String namespace, Map<String, String> dimensions) {
    }

    /**
     * Only a single-metric alarm names one metric: metric-math and anomaly alarms list several entries, the
     * one returning data may be an expression, so they have no metric (and so no instance) to act on.
     */
    private MetricRef metricOf(JsonNode detail) {
        JsonNode metrics = detail.path("configuration").path("metrics");
        if (metrics.isMissingNode() || metrics.isNull()) {
            return null;
        }
        if (!metrics.isArray()) {
            throw malformed("detail.configuration.metrics must be a list");
        }
        if (metrics.size() != 1) {
            return null;
        }
        JsonNode metricStat = metrics.get(0).path("metricStat");
        if (!metricStat.isObject()) {
            return null;
        }
        String at = "detail.configuration.metrics[0].metricStat.metric";
        JsonNode metric = object(metricStat, "metric", at);
        return new MetricRef(
                text(metric, "name", at + ".name", true),
                text(metric, "namespace", at + ".namespace", true),
                dimensions(metric.get("dimensions"), at + ".dimensions"));
    }

    private Map<String, String> dimensions(JsonNode node, String at) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return dimensions;
        }
        if (!node.isObject()) {
            throw malformed(at + " must be an object of names to values, like {\"InstanceId\": \"i-0abc...\"}");
        }
        node.fields().forEachRemaining(field -> {
            if (!field.getValue().isTextual()) {
                throw malformed(at + "." + field.getKey() + " must be a string");
            }
            dimensions.put(field.getKey(), field.getValue().asText());
        });
        return dimensions;
    }

    private static String alarmArn(JsonNode event, String alarmName, String account, String region) {
        JsonNode resources = event.path("resources");
        if (resources.isArray() && !resources.isEmpty() && resources.get(0).isTextual()) {
            return resources.get(0).asText();
        }
        if (account != null && region != null) {
            return "arn:aws:cloudwatch:" + region + ":" + account + ":alarm:" + alarmName;
        }
        throw malformed("resources must hold the alarm ARN (or account and region must be given)");
    }

    private static AlarmState stateValue(JsonNode state, String at) {
        String text = text(state, "value", at + ".value", true);
        AlarmState value = AlarmState.parse(text);
        if (value == null) {
            throw malformed(at + ".value '" + text + "' is not one of OK, ALARM, INSUFFICIENT_DATA");
        }
        return value;
    }

    private static Instant timestamp(JsonNode state, String at) {
        String text = text(state, "timestamp", at, true);
        try {
            return AlarmTimestamps.parse(text);
        } catch (IllegalArgumentException e) {
            throw malformed(at + " " + e.getMessage());
        }
    }

    private static void requireText(JsonNode node, String field, String expected) {
        String actual = text(node, field, field, true);
        if (!expected.equals(actual)) {
            throw malformed("not a CloudWatch alarm state change: " + field + " is '" + actual
                    + "', expected '" + expected + "'");
        }
    }

    private static JsonNode object(JsonNode parent, String field, String at) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw malformed(at + " is missing");
        }
        if (!node.isObject()) {
            throw malformed(at + " must be an object");
        }
        return node;
    }

    private static String text(JsonNode parent, String field, String at, boolean required) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw malformed(at + " is missing");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw malformed(at + " must be a string");
        }
        return node.asText();
    }

    private static MalformedAlarmEventException malformed(String problem) {
        return new MalformedAlarmEventException("alarm event: " + problem);
    }
}
