package io.autoremediate.local.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalMetricStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:15:00Z");
    private static final Map<String, String> INSTANCE = Map.of("InstanceId", "i-1");
    private static final MetricIdentity CPU = new MetricIdentity("AWS/EC2", "CPUUtilization", INSTANCE);

    private final LocalMetricStore store = new LocalMetricStore();

    @ParameterizedTest
    @CsvSource({"Average, 20.0", "Sum, 60.0", "Minimum, 10.0", "Maximum, 30.0", "SampleCount, 3.0"})
    void statisticAggregatesTheSamplesOfAPeriod(Statistic statistic, double expected) {
        put(CPU, 10.0, T0);
        put(CPU, 30.0, T0.plusSeconds(20));
        put(CPU, 20.0, T0.plusSeconds(59));

        assertThat(store.getMetricStatistics(CPU, T0, T0.plusSeconds(60), Duration.ofMinutes(1), statistic))
                .containsExactly(new Datapoint(T0, expected, 3));
    }

    @Test
    void periodsWithoutSamplesAreAbsentAndEndIsExclusive() {
        put(CPU, 1.0, T0);
        put(CPU, 2.0, T0.plusSeconds(120));
        put(CPU, 3.0, T0.plusSeconds(180));

        assertThat(store.getMetricStatistics(CPU, T0, T0.plusSeconds(180), Duration.ofMinutes(1), Statistic.Sum))
                .containsExactly(new Datapoint(T0, 1.0, 1), new Datapoint(T0.plusSeconds(120), 2.0, 1));
    }

    @Test
    void metricWithOtherDimensionsIsAnotherMetric() {
        put(CPU, 1.0, T0);
        MetricIdentity withExtraDimension = new MetricIdentity("AWS/EC2", "CPUUtilization",
                Map.of("InstanceId", "i-1", "AutoScalingGroupName", "web"));
        MetricIdentity withoutDimensions = new MetricIdentity("AWS/EC2", "CPUUtilization", Map.of());

        assertThat(query(withExtraDimension)).isEmpty();
        assertThat(query(withoutDimensions)).isEmpty();
        assertThat(query(new MetricIdentity("AWS/EC2", "CPUUtilization", new HashMap<>(INSTANCE)))).hasSize(1);
    }

    @Test
    void samplesOlderThanRetentionAreDropped() {
        LocalMetricStore shortMemory = new LocalMetricStore(Duration.ofMinutes(10), 1_000);
        shortMemory.putMetricData("AWS/EC2", "CPUUtilization", INSTANCE, 1.0, T0);
        shortMemory.putMetricData("AWS/EC2", "CPUUtilization", INSTANCE, 2.0, T0.plus(Duration.ofMinutes(11)));

        assertThat(shortMemory.getMetricStatistics(CPU, T0, T0.plus(Duration.ofHours(1)), Duration.ofMinutes(1),
                Statistic.SampleCount)).extracting(Datapoint::timestamp)
                .containsExactly(T0.plus(Duration.ofMinutes(11)));
    }

    @Test
    void oldestSamplesAreDroppedBeyondTheSampleCap() {
        LocalMetricStore small = new LocalMetricStore(Duration.ofDays(1), 2);
        for (int i = 0; i < 5; i++) {
            small.putMetricData("AWS/EC2", "CPUUtilization", INSTANCE, i, T0.plusSeconds(i));
        }

        assertThat(small.getMetricStatistics(CPU, T0, T0.plusSeconds(60), Duration.ofMinutes(1), Statistic.Sum))
                .containsExactly(new Datapoint(T0, 7.0, 2));
    }

    @Test
    void concurrentWritersLoseNoSample() throws InterruptedException {
        ExecutorService writers = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4_000; i++) {
            int sample = i;
            writers.execute(() -> put(CPU, 1.0, T0.plusMillis(sample % 60_000)));
        }
        writers.shutdown();
        assertThat(writers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(query(CPU)).containsExactly(new Datapoint(T0, 4_000.0, 4_000));
    }

    @Test
    void nonFiniteValueIsRejectedNamingTheMetric() {
        assertThatThrownBy(() -> put(CPU, Double.NaN, T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CPUUtilization")
                .hasMessageContaining("finite");
    }

    private void put(MetricIdentity metric, double value, Instant timestamp) {
        store.putMetricData(metric.namespace(), metric.metricName(), metric.dimensions(), value, timestamp);
    }

    private java.util.List<Datapoint> query(MetricIdentity metric) {
        return store.getMetricStatistics(metric, T0, T0.plusSeconds(60), Duration.ofMinutes(1), Statistic.Sum);
    }
}
