package io.autoremediate.local.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalAlarmEvaluatorTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:15:00Z");
    private static final Map<String, String> INSTANCE = Map.of("InstanceId", "i-0123456789abcdef0");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalMetricStore store = new LocalMetricStore();
    private final List<ObjectNode> events = new ArrayList<>();
    private LocalAlarmEvaluator evaluator;

    @BeforeEach
    void createEvaluator() {
        evaluator = new LocalAlarmEvaluator(store, "123456789012", "us-east-1",
                Clock.fixed(T0.minusSeconds(300), ZoneOffset.UTC));
        evaluator.addListener(events::add);
    }

    @Test
    void newAlarmStartsInInsufficientData() {
        evaluator.putAlarm(uptimeAlarm(1, 1, TreatMissingData.missing));

        assertThat(evaluator.stateOf("webapp-uptime")).isEqualTo(AlarmStateValue.INSUFFICIENT_DATA);
        assertThat(evaluator.describe("webapp-uptime").reason()).isEqualTo("Unchecked: Initial alarm creation");
    }

    @Test
    void unknownAlarmIsReportedByName() {
        evaluator.putAlarm(uptimeAlarm(1, 1, TreatMissingData.missing));

        assertThatThrownBy(() -> evaluator.stateOf("webapp-latency"))
                .isInstanceOf(UnknownAlarmException.class)
                .hasMessageContaining("'webapp-latency'")
                .hasMessageContaining("webapp-uptime");
    }

    @Test
    void failedProbeRaisesAlarmWithCloudWatchEvent() throws Exception {
        evaluator.putAlarm(uptimeAlarm(1, 1, TreatMissingData.missing));
        putUptime(0.0, T0.plusSeconds(5));

        evaluator.evaluate(T0.plusSeconds(60).plusMillis(989));

        assertThat(evaluator.stateOf("webapp-uptime")).isEqualTo(AlarmStateValue.ALARM);
        assertThat(events).hasSize(1);
        JsonNode event = events.get(0);
        assertThat(event.get("version").asText()).isEqualTo("0");
        assertThat(UUID.fromString(event.get("id").asText())).isNotNull();
        assertThat(event.get("detail-type").asText()).isEqualTo("CloudWatch Alarm State Change");
        assertThat(event.get("source").asText()).isEqualTo("aws.cloudwatch");
        assertThat(event.get("account").asText()).isEqualTo("123456789012");
        assertThat(event.get("time").asText()).isEqualTo("2026-11-25T10:16:00Z");
        assertThat(event.get("region").asText()).isEqualTo("us-east-1");
        assertThat(event.get("resources")).containsExactly(
                JSON.getNodeFactory().textNode("arn:aws:cloudwatch:us-east-1:123456789012:alarm:webapp-uptime"));

        JsonNode detail = event.get("detail");
        assertThat(detail.get("alarmName").asText()).isEqualTo("webapp-uptime");
        JsonNode state = detail.get("state");
        assertThat(state.get("value").asText()).isEqualTo("ALARM");
        assertThat(state.get("reason").asText()).isEqualTo("Threshold Crossed: 1 out of the last 1 datapoints"
                + " [0.0 (25/11/26 10:15:00)] was less than the threshold (1.0)"
                + " (minimum 1 datapoint for OK -> ALARM transition).");
        assertThat(state.get("timestamp").asText()).isEqualTo("2026-11-25T10:16:00.989+0000");
        JsonNode reasonData = JSON.readTree(state.get("reasonData").asText());
        assertThat(reasonData.get("version").asText()).isEqualTo("1.0");
        assertThat(reasonData.get("queryDate").asText()).isEqualTo("2026-11-25T10:16:00.989+0000");
        assertThat(reasonData.get("startDate").asText()).isEqualTo("2026-11-25T10:15:00.000+0000");
        assertThat(reasonData.get("statistic").asText()).isEqualTo("Minimum");
        assertThat(reasonData.get("period").asInt()).isEqualTo(60);
        assertThat(reasonData.get("recentDatapoints").get(0).asDouble()).isEqualTo(0.0);
        assertThat(reasonData.get("threshold").asDouble()).isEqualTo(1.0);
        assertThat(reasonData.get("evaluatedDatapoints").get(0).get("timestamp").asText())
                .isEqualTo("2026-11-25T10:15:00.000+0000");

        JsonNode previous = detail.get("previousState");
        assertThat(previous.get("value").asText()).isEqualTo("INSUFFICIENT_DATA");
        assertThat(previous.get("reason").asText()).isEqualTo("Unchecked: Initial alarm creation");
        assertThat(previous.get("timestamp").asText()).isEqualTo("2026-11-25T10:10:00.000+0000");

        JsonNode metric = detail.get("configuration").get("metrics").get(0);
        assertThat(detail.get("configuration").get("description").asText()).isEqualTo("Webapp does not answer");
        assertThat(metric.get("returnData").asBoolean()).isTrue();
        assertThat(metric.get("id").asText()).isNotBlank();
        JsonNode metricStat = metric.get("metricStat");
        assertThat(metricStat.get("period").asInt()).isEqualTo(60);
        assertThat(metricStat.get("stat").asText()).isEqualTo("Minimum");
        assertThat(metricStat.get("metric").get("namespace").asText()).isEqualTo("CustomNamespace");
        assertThat(metricStat.get("metric").get("name").asText()).isEqualTo("webapp-uptime");
        assertThat(metricStat.get("metric").get("dimensions").isObject()).isTrue();
        assertThat(metricStat.get("metric").get("dimensions").get("InstanceId").asText())
                .isEqualTo("i-0123456789abcdef0");
    }

    @Test
    void stateTimestampParsesWithTheDocumentedPattern() {
        evaluator.putAlarm(uptimeAlarm(1, 1, TreatMissingData.missing));
        putUptime(0.0, T0);
        evaluator.evaluate(T0.plusSeconds(61));

        String timestamp = events.get(0).at("/detail/state/timestamp").asText();
        assertThat(OffsetDateTime.parse(timestamp,
                DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant())
                .isEqualTo(T0.plusSeconds(61));
    }

    @Test
    void recoveryEmitsOkWithNotLessThanReason() {
        evaluator.putAlarm(uptimeAlarm(1, 1, TreatMissingData.missing));
        putUptime(0.0, T0);
        evaluator.evaluate(T0.plusSeconds(60));
        putUptime(1.0, T0.plusSeconds(60));

        evaluator.evaluate(T0.plusSeconds(120));

        assertThat(evaluator.stateOf("webapp-uptime")).isEqualTo(AlarmStateValue.OK);
        assertThat(events).hasSize(2);
        JsonNode detail = events.get(1).get("detail");
        assertThat(detail.at("/state/reason").asText()).isEqualTo("Threshold Crossed: 1 out of the last 1"
                + " datapoints [1.0 (25/11/26 10:16:00)] was not less than the threshold (1.0)"
                + " (minimum 1 datapoint for ALARM -> OK transition).");
        assertThat(detail.at("/previousState/value").asText()).isEqualTo("ALARM");
        assertThat(detail.at("/previousState/reasonData").asText()).contains("\"recentDatapoints\":[0.0]");
    }

    @Test
    void unchangedStateEmitsNoSecondEvent() {
        evaluator.putAlarm(uptimeAlarm(1, 1, TreatMissingData.missing));
        putUptime(0.0, T0);
        putUptime(0.0, T0.plusSeconds(60));

        evaluator.evaluate(T0.plusSeconds(60));
        evaluator.evaluate(T0.plusSeconds(120));

        assertThat(events).hasSize(1);
    }

    @Test
    void stillFillingPeriodIsNotEvaluated() {
        evaluator.putAlarm(uptimeAlarm(1, 1, TreatMissingData.missing));
        putUptime(0.0, T0.plusSeconds(5));

        evaluator.evaluate(T0.plusSeconds(59));

        assertThat(evaluator.stateOf("webapp-uptime")).isEqualTo(AlarmStateValue.INSUFFICIENT_DATA);
        assertThat(events).isEmpty();
    }

    @Test
    void threeMissingPeriodsWithBreachingTreatmentGoToAlarm() {
        evaluator.putAlarm(uptimeAlarm(3, 3, TreatMissingData.breaching));

        evaluator.evaluate(T0);

        assertThat(evaluator.stateOf("webapp-uptime")).isEqualTo(AlarmStateValue.ALARM);
        assertThat(events.get(0).at("/detail/state/reason").asText()).isEqualTo("Threshold Crossed: no datapoints"
                + " were received for 3 periods and 3 missing datapoints were treated as [Breaching].");
    }

    @Test
    void allPeriodsMissingWithMissingTreatmentIsInsufficientData() {
        evaluator.putAlarm(uptimeAlarm(1, 1, TreatMissingData.missing));
        putUptime(0.0, T0);
        evaluator.evaluate(T0.plusSeconds(60));

        evaluator.evaluate(T0.plus(Duration.ofMinutes(10)));

        assertThat(evaluator.stateOf("webapp-uptime")).isEqualTo(AlarmStateValue.INSUFFICIENT_DATA);
        assertThat(events.get(1).at("/detail/state/reason").asText())
                .isEqualTo("Insufficient Data: 1 datapoint was unknown.");
    }

    @Test
    void ignoreKeepsAlarmWhileProbesAreSilent() {
        evaluator.putAlarm(uptimeAlarm(1, 1, TreatMissingData.ignore));
        putUptime(0.0, T0);
        evaluator.evaluate(T0.plusSeconds(60));

        evaluator.evaluate(T0.plus(Duration.ofMinutes(30)));

        assertThat(evaluator.stateOf("webapp-uptime")).isEqualTo(AlarmStateValue.ALARM);
        assertThat(events).hasSize(1);
    }

    @Test
    void twoOutOfThreeBreachingPeriodsRaiseAlarmWithPluralReason() {
        evaluator.putAlarm(uptimeAlarm(3, 2, TreatMissingData.missing));
        putUptime(0.0, T0);
        putUptime(1.0, T0.plusSeconds(60));
        putUptime(0.0, T0.plusSeconds(120));

        evaluator.evaluate(T0.plusSeconds(180));

        assertThat(evaluator.stateOf("webapp-uptime")).isEqualTo(AlarmStateValue.ALARM);
        assertThat(events.get(0).at("/detail/state/reason").asText()).isEqualTo("Threshold Crossed: 2 out of the"
                + " last 3 datapoints [0.0 (25/11/26 10:15:00), 0.0 (25/11/26 10:17:00)] were less than the"
                + " threshold (1.0) (minimum 2 datapoints for OK -> ALARM transition).");
    }

    @Test
    void statisticAggregatesSamplesWithinThePeriod() {
        evaluator.putAlarm(uptimeAlarm(1, 1, TreatMissingData.missing));
        putUptime(1.0, T0);
        putUptime(0.0, T0.plusSeconds(30));

        evaluator.evaluate(T0.plusSeconds(60));

        // Minimum of the period is 0: one failed probe in the minute is enough, like the AWS stack's alarm.
        assertThat(evaluator.stateOf("webapp-uptime")).isEqualTo(AlarmStateValue.ALARM);
    }

    @Test
    void replacingAnAlarmKeepsItsState() {
        evaluator.putAlarm(uptimeAlarm(1, 1, TreatMissingData.missing));
        putUptime(0.0, T0);
        evaluator.evaluate(T0.plusSeconds(60));

        evaluator.putAlarm(uptimeAlarm(2, 1, TreatMissingData.missing));

        assertThat(evaluator.stateOf("webapp-uptime")).isEqualTo(AlarmStateValue.ALARM);
    }

    @Test
    void failingListenerDoesNotStopTheOthers() {
        List<ObjectNode> secondListener = new ArrayList<>();
        evaluator.addListener(event -> {
            throw new IllegalStateException("listener broke");
        });
        evaluator.addListener(secondListener::add);
        evaluator.putAlarm(uptimeAlarm(1, 1, TreatMissingData.missing));
        putUptime(0.0, T0);

        evaluator.evaluate(T0.plusSeconds(60));

        assertThat(secondListener).hasSize(1);
        assertThat(evaluator.stateOf("webapp-uptime")).isEqualTo(AlarmStateValue.ALARM);
    }

    @Test
    void oneSecondDemoPeriodIsEvaluatedPerSecond() {
        evaluator.putAlarm(new AlarmDefinition("webapp-uptime", "", "webapp-uptime", "CustomNamespace", INSTANCE,
                Statistic.Minimum, Duration.ofSeconds(1), 1, 1, ComparisonOperator.LessThanThreshold, 1.0,
                TreatMissingData.missing));
        putUptime(0.0, T0.plusMillis(200));

        evaluator.evaluate(T0.plusMillis(999));
        assertThat(evaluator.stateOf("webapp-uptime")).isEqualTo(AlarmStateValue.INSUFFICIENT_DATA);
        evaluator.evaluate(T0.plusSeconds(1));
        assertThat(evaluator.stateOf("webapp-uptime")).isEqualTo(AlarmStateValue.ALARM);
    }

    @Test
    void startedEvaluatorEvaluatesWithItsClockUntilStopped() throws InterruptedException {
        LocalAlarmEvaluator scheduled = new LocalAlarmEvaluator(store, "123456789012", "us-east-1",
                Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC));
        CountDownLatch transitioned = new CountDownLatch(1);
        scheduled.addListener(event -> transitioned.countDown());
        scheduled.putAlarm(uptimeAlarm(1, 1, TreatMissingData.missing));
        putUptime(0.0, T0);
        ScheduledExecutorService scheduler =
                Executors.newSingleThreadScheduledExecutor();
        try {
            scheduled.start(scheduler);
            assertThatThrownBy(() -> scheduled.start(scheduler)).isInstanceOf(IllegalStateException.class);
            assertThat(transitioned.await(5, TimeUnit.SECONDS)).isTrue();
            scheduled.stop();
        } finally {
            scheduler.shutdownNow();
        }

        assertThat(scheduled.stateOf("webapp-uptime")).isEqualTo(AlarmStateValue.ALARM);
    }

    private void putUptime(double value, Instant timestamp) {
        store.putMetricData("CustomNamespace", "webapp-uptime", INSTANCE, value, timestamp);
    }

    private static AlarmDefinition uptimeAlarm(int evaluationPeriods, int datapointsToAlarm,
                                               TreatMissingData treatment) {
        return new AlarmDefinition("webapp-uptime", "Webapp does not answer", "webapp-uptime", "CustomNamespace",
                INSTANCE, Statistic.Minimum, Duration.ofMinutes(1), evaluationPeriods, datapointsToAlarm,
                ComparisonOperator.LessThanThreshold, 1.0, treatment);
    }
}
