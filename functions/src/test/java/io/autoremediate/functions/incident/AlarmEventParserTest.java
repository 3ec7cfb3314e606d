package io.autoremediate.functions.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoremediate.functions.Fixtures;
import io.autoremediate.functions.TestJson;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Event shapes from the CloudWatch user guide, "Alarm events and EventBridge". */
class AlarmEventParserTest {

    private final AlarmEventParser parser = new AlarmEventParser();

    @Test
    void singleMetricAlarmGivesEveryIncidentField() {
        Incident incident = parser.parse(Fixtures.event("single-metric-alarm.json"));

        assertThat(incident.alarmName()).isEqualTo("webapp-uptime");
        assertThat(incident.alarmArn()).isEqualTo("arn:aws:cloudwatch:us-east-1:123456789012:alarm:webapp-uptime");
        assertThat(incident.state()).isEqualTo(AlarmState.ALARM);
        assertThat(incident.previousState()).isEqualTo(AlarmState.OK);
        assertThat(incident.stateChangedAt()).isEqualTo(Instant.parse("2026-11-25T17:04:40.989Z"));
        assertThat(incident.metricName()).isEqualTo("webapp-uptime");
        assertThat(incident.namespace()).isEqualTo("CustomNamespace");
        assertThat(incident.dimensions()).isEqualTo(Map.of("InstanceId", "i-0abc12345def67890"));
        assertThat(incident.instanceId()).isEqualTo("i-0abc12345def67890");
        assertThat(incident.account()).isEqualTo("123456789012");
        assertThat(incident.region()).isEqualTo("us-east-1");
        assertThat(incident.reason()).startsWith("Threshold Crossed: 2 out of the last 2 datapoints");
        assertThat(incident.isAlarmTransition()).isTrue();
    }

    @Test
    void reasonDataStaysTheJsonStringCloudWatchSent() throws Exception {
        Incident incident = parser.parse(Fixtures.event("single-metric-alarm.json"));

        assertThat(TestJson.MAPPER.readTree(incident.reasonData()).path("recentDatapoints").get(0).asDouble()).isZero();
    }

    @Test
    void alarmNameWithSpacesAndSeveralDimensionsIsKeptAsItIs() {
        Incident incident = parser.parse(Fixtures.event("ec2-cpu-with-spaces.json"));

        assertThat(incident.alarmName()).isEqualTo("Web server CPU too high");
        assertThat(incident.namespace()).isEqualTo("AWS/EC2");
        assertThat(incident.dimensions()).containsEntry("AutoScalingGroupName", "web").hasSize(2);
        assertThat(incident.instanceId()).isEqualTo("i-12345678901234567");
    }

    @Test
    void metricMathAlarmHasNoMetricAndNoInstance() {
        Incident incident = parser.parse(Fixtures.event("metric-math.json"));

        assertThat(incident.hasMetric()).isFalse();
        assertThat(incident.instanceId()).isNull();
        assertThat(incident.dimensions()).isEmpty();
    }

    @Test
    void alarmWithoutDimensionsHasNoInstance() {
        Incident incident = parser.parse(Fixtures.event("no-dimensions.json"));

        assertThat(incident.hasMetric()).isTrue();
        assertThat(incident.instanceId()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"back-to-ok.json, OK", "insufficient-data.json, INSUFFICIENT_DATA"})
    void changesOutOfAlarmAreNotAlarmTransitions(String fixture, AlarmState state) {
        Incident incident = parser.parse(Fixtures.event(fixture));

        assertThat(incident.state()).isEqualTo(state);
        assertThat(incident.isAlarmTransition()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "dimensions-as-list.json | detail.configuration.metrics[0].metricStat.metric.dimensions must be an object",
        "bad-timestamp.json | detail.state.timestamp 'yesterday' is not a timestamp like 2019-10-02T17:04:40.989+0000",
        "not-an-alarm-event.json | not a CloudWatch alarm state change: source is 'aws.ec2', expected 'aws.cloudwatch'"
    })
    void malformedEventsAreRejectedWithThePathOfTheProblem(String fixture, String message) {
        assertThatThrownBy(() -> parser.parse(Fixtures.event(fixture)))
                .isInstanceOf(MalformedAlarmEventException.class)
                .hasMessageContaining(message);
    }

    @Test
    void nonObjectEventIsRejected() throws Exception {
        assertThatThrownBy(() -> parser.parse(TestJson.MAPPER.readTree("[1, 2]")))
                .isInstanceOf(MalformedAlarmEventException.class)
                .hasMessage("alarm event: the event is not a JSON object");
    }

    @Test
    void wrongTypeOfAlarmNameIsNamed() throws Exception {
        var event = (com.fasterxml.jackson.databind.node.ObjectNode) Fixtures.event("single-metric-alarm.json");
        ((com.fasterxml.jackson.databind.node.ObjectNode) event.get("detail")).put("alarmName", 42);

        assertThatThrownBy(() -> parser.parse(event)).hasMessage("alarm event: detail.alarmName must be a string");
    }

    @Test
    void unknownStateValueIsNamed() throws Exception {
        var event = (com.fasterxml.jackson.databind.node.ObjectNode) Fixtures.event("single-metric-alarm.json");
        ((com.fasterxml.jackson.databind.node.ObjectNode) event.get("detail").get("state")).put("value", "PANIC");

        assertThatThrownBy(() -> parser.parse(event))
                .hasMessage("alarm event: detail.state.value 'PANIC' is not one of OK, ALARM, INSUFFICIENT_DATA");
    }
}
