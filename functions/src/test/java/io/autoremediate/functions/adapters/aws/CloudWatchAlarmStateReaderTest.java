package io.autoremediate.functions.adapters.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.autoremediate.functions.alarm.AlarmNotFoundException;
import io.autoremediate.functions.alarm.AlarmReading;
import io.autoremediate.functions.errors.DependencyRefusedException;
import io.autoremediate.functions.errors.DependencyUnavailableException;
import io.autoremediate.functions.incident.AlarmState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CloudWatch in SDK 2.57 speaks Smithy RPC v2 CBOR (captured from a real request):
 * {@code POST /service/GraniteServiceVersion20100801/operation/DescribeAlarms} with
 * {@code smithy-protocol: rpc-v2-cbor}, a CBOR body, and {@code x-amzn-query-mode: true} because the service is
 * query-compatible, so errors carry their query error code in {@code x-amzn-query-error}.
 */
class CloudWatchAlarmStateReaderTest {

    @RegisterExtension
    static WireMockExtension cloudWatch =
            WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PATH = "/service/GraniteServiceVersion20100801/operation/DescribeAlarms";
    private static final String ALARM = "webapp uptime (prod)";
    private static final Instant UPDATED = Instant.parse("2019-10-02T17:04:40.989Z");

    private final CloudWatchAlarmStateReader reader =
            new CloudWatchAlarmStateReader(SdkClients.cloudWatch(cloudWatch.baseUrl()));

    @Test
    void readsAMetricAlarmsStateReasonAndTimestamp() {
        stub(200, Map.of("MetricAlarms", List.of(metricAlarm(ALARM, "OK", "Threshold Crossed: 1 datapoint [0.0]")),
                "CompositeAlarms", List.of()));

        AlarmReading reading = reader.read(ALARM);

        assertThat(reading.alarmName()).isEqualTo(ALARM);
        assertThat(reading.state()).isEqualTo(AlarmState.OK);
        assertThat(reading.ok()).isTrue();
        assertThat(reading.reason()).isEqualTo("Threshold Crossed: 1 datapoint [0.0]");
        assertThat(reading.updatedAt()).isEqualTo(UPDATED);
    }

    @Test
    void asksForExactlyThatAlarmAmongMetricAndCompositeAlarms() {
        stub(200, Map.of("MetricAlarms", List.of(metricAlarm(ALARM, "ALARM", "r"))));

        reader.read(ALARM);

        var requests = cloudWatch.findAll(postRequestedFor(urlEqualTo(PATH))
                .withHeader("smithy-protocol", equalTo("rpc-v2-cbor")));
        assertThat(requests).hasSize(1);
        JsonNode sent = Cbor.read(requests.get(0).getBody());
        assertThat(texts(sent.path("AlarmNames"))).containsExactly(ALARM);
        assertThat(texts(sent.path("AlarmTypes"))).containsExactlyInAnyOrder("MetricAlarm", "CompositeAlarm");
    }

    @Test
    void readsACompositeAlarm() {
        Map<String, Object> composite = new LinkedHashMap<>(metricAlarm(ALARM, "INSUFFICIENT_DATA", "no data"));
        composite.put("AlarmRule", "ALARM(cpu) OR ALARM(disk)");
        stub(200, Map.of("MetricAlarms", List.of(), "CompositeAlarms", List.of(composite)));

        assertThat(reader.read(ALARM).state()).isEqualTo(AlarmState.INSUFFICIENT_DATA);
    }

    @Test
    void noAlarmFoundIsAlarmNotFound() {
        stub(200, Map.of("MetricAlarms", List.of(), "CompositeAlarms", List.of()));

        assertThatThrownBy(() -> reader.read(ALARM))
                .isInstanceOf(AlarmNotFoundException.class)
                .hasMessageContaining(ALARM);
    }

    @Test
    void anAnswerAboutAnotherAlarmIsNotTakenForThisOne() {
        stub(200, Map.of("MetricAlarms", List.of(metricAlarm("other", "OK", "r"))));

        assertThatThrownBy(() -> reader.read(ALARM)).isInstanceOf(AlarmNotFoundException.class);
    }

    @Test
    void throttlingIsUnavailable() {
        stubError(400, "Throttling", "com.amazonaws.cloudwatch#Throttling", "Rate exceeded");

        assertThatThrownBy(() -> reader.read(ALARM))
                .isInstanceOf(DependencyUnavailableException.class)
                .hasMessageContaining("CloudWatch DescribeAlarms on alarm '" + ALARM + "'")
                .hasMessageContaining("(Throttling, HTTP 400");
    }

    @Test
    void accessDeniedIsRefusedNamingThePermission() {
        stubError(403, "AccessDenied", "com.amazonaws.cloudwatch#AccessDenied",
                "User is not authorized to perform: cloudwatch:DescribeAlarms");

        assertThatThrownBy(() -> reader.read(ALARM))
                .isInstanceOf(DependencyRefusedException.class)
                .hasMessageContaining("(AccessDenied, HTTP 403")
                .hasMessageContaining("allows cloudwatch:DescribeAlarms");
    }

    @Test
    void serverErrorIsUnavailable() {
        stubError(500, "InternalServiceError", "com.amazonaws.cloudwatch#InternalServiceFault", "oops");

        assertThatThrownBy(() -> reader.read(ALARM)).isInstanceOf(DependencyUnavailableException.class);
    }

    private static Map<String, Object> metricAlarm(String name, String state, String reason) {
        Map<String, Object> alarm = new LinkedHashMap<>();
        alarm.put("AlarmName", name);
        alarm.put("AlarmArn", "arn:aws:cloudwatch:us-east-1:123456789012:alarm:" + name);
        alarm.put("StateValue", state);
        alarm.put("StateReason", reason);
        alarm.put("StateUpdatedTimestamp", UPDATED);
        alarm.put("MetricName", "CPUUtilization");
        alarm.put("Namespace", "AWS/EC2");
        return alarm;
    }

    private static void stub(int status, Map<String, ?> body) {
        cloudWatch.stubFor(post(urlEqualTo(PATH)).willReturn(cbor(status, body)));
    }

    private static void stubError(int status, String queryCode, String type, String message) {
        cloudWatch.stubFor(post(urlEqualTo(PATH)).willReturn(cbor(status, Map.of("__type", type, "message", message))
                .withHeader("x-amzn-query-error", queryCode + ";Sender")));
    }

    private static ResponseDefinitionBuilder cbor(int status, Map<String, ?> body) {
        return aResponse().withStatus(status)
                .withHeader("smithy-protocol", "rpc-v2-cbor")
                .withHeader("Content-Type", "application/cbor")
                .withHeader("x-amzn-RequestId", "req-1")
                .withBody(Cbor.write(body));
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
