package io.autoremediate.local.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AlarmDefinitionTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 9, 10, 20, 30, 60, 120, 300, 3600})
    void acceptsCloudWatchPeriodsAndLocalDemoPeriods(int seconds) {
        assertThat(alarm(Duration.ofSeconds(seconds), 1, 1).period()).hasSeconds(seconds);
    }

    @ParameterizedTest
    @ValueSource(ints = {11, 15, 45, 90})
    void rejectsPeriodsCloudWatchRejects(int seconds) {
        assertThatThrownBy(() -> alarm(Duration.ofSeconds(seconds), 1, 1))
                .hasMessageContaining("alarm 'webapp-uptime'")
                .hasMessageContaining("period " + seconds + "s is not allowed")
                .hasMessageContaining("multiple of 60");
    }

    @Test
    void rejectsSubSecondPeriod() {
        assertThatThrownBy(() -> alarm(Duration.ofMillis(500), 1, 1)).hasMessageContaining("period");
    }

    @Test
    void datapointsToAlarmCannotExceedEvaluationPeriods() {
        assertThatThrownBy(() -> alarm(Duration.ofMinutes(1), 2, 3))
                .hasMessageContaining("datapointsToAlarm must be between 1 and evaluationPeriods (2), got 3");
    }

    @Test
    void evaluationIntervalIsAtMostOneDay() {
        assertThatThrownBy(() -> alarm(Duration.ofHours(1), 25, 1)).hasMessageContaining("one day");
    }

    @Test
    void missingTreatmentDefaultsToMissingAndDescriptionToEmpty() {
        AlarmDefinition alarm = new AlarmDefinition("webapp-uptime", null, "webapp-uptime", "CustomNamespace",
                Map.of(), Statistic.Minimum, Duration.ofMinutes(1), 1, 1, ComparisonOperator.LessThanThreshold, 1.0,
                null);

        assertThat(alarm.treatMissingData()).isEqualTo(TreatMissingData.missing);
        assertThat(alarm.description()).isEmpty();
    }

    @Test
    void wireNamesParseAsCloudWatchSpellsThem() {
        assertThat(TreatMissingData.fromWireName("notBreaching")).isEqualTo(TreatMissingData.notBreaching);
        assertThat(Statistic.fromWireName("SampleCount")).isEqualTo(Statistic.SampleCount);
        assertThat(ComparisonOperator.fromWireName("LessThanThreshold"))
                .isEqualTo(ComparisonOperator.LessThanThreshold);
        assertThatThrownBy(() -> TreatMissingData.fromWireName("NOT_BREACHING"))
                .hasMessageContaining("'NOT_BREACHING'").hasMessageContaining("notBreaching");
    }

    private static AlarmDefinition alarm(Duration period, int evaluationPeriods, int datapointsToAlarm) {
        return new AlarmDefinition("webapp-uptime", "Webapp does not answer", "webapp-uptime", "CustomNamespace",
                Map.of("InstanceId", "i-1"), Statistic.Minimum, period, evaluationPeriods, datapointsToAlarm,
                ComparisonOperator.LessThanThreshold, 1.0, TreatMissingData.missing);
    }
}
