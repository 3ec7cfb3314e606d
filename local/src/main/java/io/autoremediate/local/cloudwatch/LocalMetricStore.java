package io.autoremediate.local.cloudwatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * An in-memory stand-in for CloudWatch metrics: stores raw samples per metric and aggregates them per period,
 * like {@code GetMetricStatistics}. Thread-safe. Retention is bounded by age and by sample count per metric, so
 * a demo that runs for days does not grow without limit.
 */
public final class LocalMetricStore {

    /** Long enough for any alarm CloudWatch allows (evaluation periods × period may not exceed one day). */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(1);
    public static final int DEFAULT_MAX_SAMPLES_PER_METRIC = 100_000;

    private final Duration retention;
    private final int maxSamplesPerMetric;
    private final Map<MetricIdentity, Series> seriesByMetric = new HashMap<>();

    public LocalMetricStore() {
        this(DEFAULT_RETENTION, DEFAULT_MAX_SAMPLES_PER_METRIC);
    }

    public LocalMetricStore(Duration retention, int maxSamplesPerMetric) {
        Objects.requireNonNull(retention, "retention");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive, got " + retention);
        }
        if (maxSamplesPerMetric < 1) {
            throw new IllegalArgumentException("maxSamplesPerMetric must be at least 1, got " + maxSamplesPerMetric);
        }
        this.retention = retention;
        this.maxSamplesPerMetric = maxSamplesPerMetric;
    }

    /** Records one sample, like {@code PutMetricData} with a single value. */
    public void putMetricData(String namespace, String metricName, Map<String, String> dimensions, double value,
                              Instant timestamp) {
        MetricIdentity metric = new MetricIdentity(namespace, metricName, dimensions);
        Objects.requireNonNull(timestamp, "timestamp of " + metric);
        if (!Double.isFinite(value)) {
            // CloudWatch rejects NaN and infinities too; accepting them would poison every statistic of the period.
            throw new IllegalArgumentException("value for " + metric + " must be a finite number, got " + value);
        }
        synchronized (seriesByMetric) {
            seriesByMetric.computeIfAbsent(metric, m -> new Series()).add(timestamp, value);
        }
    }

    /**
     * Aggregates the samples of {@code metric} in [{@code start}, {@code end}) into periods that start at
     * {@code start}, {@code start + period}, ... Periods without samples are absent from the result, as in
     * CloudWatch. Datapoints are in time order.
     */
    public List<Datapoint> getMetricStatistics(MetricIdentity metric, Instant start, Instant end, Duration period,
                                               Statistic statistic) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(statistic, "statistic");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("start " + start + " must be before end " + end);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive, got " + period);
        }
        List<Datapoint> datapoints = new ArrayList<>();
        synchronized (seriesByMetric) {
            Series series = seriesByMetric.get(metric);
            if (series == null) {
                return datapoints;
            }
            for (Instant periodStart = start; periodStart.isBefore(end); periodStart = periodStart.plus(period)) {
                Instant periodEnd = min(periodStart.plus(period), end);
                DoubleSummaryStatistics samples = series.between(periodStart, periodEnd);
                if (samples.getCount() > 0) {
                    datapoints.add(new Datapoint(periodStart, statistic.of(samples), samples.getCount()));
                }
            }
        }
        return datapoints;
    }

    /** The metrics that currently hold samples. */
    public Set<MetricIdentity> metrics() {
        synchronized (seriesByMetric) {
            return Set.copyOf(seriesByMetric.keySet());
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** The samples of one metric; callers hold the store's lock. */
    private final class Series {
        private final NavigableMap<Instant, List<Double>> samplesByTime = new TreeMap<>();
        private int sampleCount;

        void add(Instant timestamp, double value) {
            samplesByTime.computeIfAbsent(timestamp, t -> new ArrayList<>(1)).add(value);
            sampleCount++;
            prune();
        }

        DoubleSummaryStatistics between(Instant startInclusive, Instant endExclusive) {
            DoubleSummaryStatistics statistics = new DoubleSummaryStatistics();
            samplesByTime.subMap(startInclusive, true, endExclusive, false)
                    .values()
                    .forEach(values -> values.forEach(statistics::accept));
            return statistics;
        }

        // Age is measured from the newest sample, not the wall clock, so pruning is deterministic in tests.
        private void prune() {
            Instant oldestKept = samplesByTime.lastKey().minus(retention);
            while (!samplesByTime.isEmpty()
                    && (samplesByTime.firstKey().isBefore(oldestKept) || sampleCount > maxSamplesPerMetric)) {
                sampleCount -= samplesByTime.pollFirstEntry().getValue().size();
            }
        }
    }
}
