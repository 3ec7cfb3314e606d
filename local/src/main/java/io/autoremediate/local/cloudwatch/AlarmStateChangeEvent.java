package io.autoremediate.local.cloudwatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.local.arn.LocalArns;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Builds the EventBridge "CloudWatch Alarm State Change" event for a single-metric alarm, field for field as
 * in the CloudWatch user guide ("Alarm events and EventBridge").
 */
final class AlarmStateChangeEvent {

    static final String DETAIL_TYPE = "CloudWatch Alarm State Change";
    static final String SOURCE = "aws.cloudwatch";

    private static final ObjectMapper JSON = new ObjectMapper();

    private AlarmStateChangeEvent() {
    }

    static ObjectNode of(AlarmDefinition alarm, String account, String region, AlarmState previous,
                         AlarmState current, UUID eventId) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "0");
        event.put("id", eventId.toString());
        event.put("detail-type", DETAIL_TYPE);
        event.put("source", SOURCE);
        event.put("account", account);
        event.put("time", CloudWatchTime.eventTime(current.timestamp()));
        event.put("region", region);
        event.putArray("resources").add(new LocalArns(region, account).alarm(alarm.alarmName()));

        ObjectNode detail = event.putObject("detail");
        detail.put("alarmName", alarm.alarmName());
        writeState(detail.putObject("state"), current);
        writeState(detail.putObject("previousState"), previous);
        writeConfiguration(detail.putObject("configuration"), alarm);
        return event;
    }

    private static void writeState(ObjectNode node, AlarmState state) {
        node.put("value", state.value().name());
        node.put("reason", state.reason());
        if (state.reasonData() != null) {
            node.put("reasonData", state.reasonData());
        }
        node.put("timestamp", CloudWatchTime.stateTimestamp(state.timestamp()));
    }

    private static void writeConfiguration(ObjectNode configuration, AlarmDefinition alarm) {
        configuration.put("description", alarm.description());
        ObjectNode metric = configuration.putArray("metrics").addObject();
        metric.put("id", metricQueryId(alarm));
        ObjectNode metricStat = metric.putObject("metricStat");
        ObjectNode identity = metricStat.putObject("metric");
        identity.put("namespace", alarm.namespace());
        identity.put("name", alarm.metricName());
        ObjectNode dimensions = identity.putObject("dimensions");
        new java.util.TreeMap<>(alarm.dimensions()).forEach(dimensions::put);
        metricStat.put("period", alarm.period().toSeconds());
        metricStat.put("stat", alarm.statistic().wireName());
        metric.put("returnData", true);
    }

    // CloudWatch gives a single-metric alarm's query a generated UUID; derive it from the name so it is stable.
    private static String metricQueryId(AlarmDefinition alarm) {
        return UUID.nameUUIDFromBytes(alarm.alarmName().getBytes(StandardCharsets.UTF_8)).toString();
    }
}
