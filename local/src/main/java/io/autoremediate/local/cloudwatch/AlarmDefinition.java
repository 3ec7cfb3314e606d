package io.autoremediate.local.cloudwatch;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A single-metric alarm as PutMetricAlarm takes it (CloudWatch API reference, PutMetricAlarm).
 *
 * <p>Period follows CloudWatch (10, 20 or 30 seconds, or a multiple of 60) with one local-only relaxation:
 * 1 to 9 seconds are also accepted so a demo reacts within seconds. AWS would reject those periods.
 */
public record AlarmDefinition(
        String alarmName,
        String description,
        String metricName,
        String namespace,
        Map<String, String> dimensions,
        Statistic statistic,
        Duration period,
        int evaluationPeriods,
        int datapointsToAlarm,
        ComparisonOperator comparisonOperator,
        double threshold,
        TreatMissingData treatMissingData) {

    /** PutMetricAlarm limit on AlarmName. */
    public static final int MAX_ALARM_NAME_LENGTH = 255;
    /** PutMetricAlarm limit: evaluation periods × period may not exceed one day. */
    public static final Duration MAX_EVALUATION_INTERVAL = Duration.ofDays(1);

    public AlarmDefinition {
        if (alarmName == null || alarmName.isBlank()) {
            throw new IllegalArgumentException("alarmName must not be blank");
        }
        if (alarmName.length() > MAX_ALARM_NAME_LENGTH) {
            throw new IllegalArgumentException("alarm '" + alarmName.substring(0, 40) + "...': alarmName has "
                    + alarmName.length() + " characters; CloudWatch allows at most " + MAX_ALARM_NAME_LENGTH);
        }
        String alarm = "alarm '" + alarmName + "': ";
        description = description == null ? "" : description;
        require(metricName != null && !metricName.isBlank(), alarm + "metricName must not be blank");
        require(namespace != null && !namespace.isBlank(), alarm + "namespace must not be blank");
        dimensions = new MetricIdentity(namespace, metricName,
                Objects.requireNonNull(dimensions, alarm + "dimensions must not be null; use Map.of()")).dimensions();
        Objects.requireNonNull(statistic, alarm + "statistic must be set (Average, Sum, Minimum, Maximum, SampleCount)");
        Objects.requireNonNull(period, alarm + "period must be set");
        require(isAllowedPeriod(period), alarm + "period " + period.toSeconds() + "s is not allowed; use 10, 20 or 30"
                + " seconds or a multiple of 60 (1 to 9 seconds are accepted locally only, for demos)");
        require(evaluationPeriods >= 1, alarm + "evaluationPeriods must be at least 1, got " + evaluationPeriods);
        require(datapointsToAlarm >= 1 && datapointsToAlarm <= evaluationPeriods,
                alarm + "datapointsToAlarm must be between 1 and evaluationPeriods (" + evaluationPeriods + "), got "
                        + datapointsToAlarm);
        require(period.multipliedBy(evaluationPeriods).compareTo(MAX_EVALUATION_INTERVAL) <= 0,
                alarm + "evaluationPeriods × period must not exceed one day, got " + evaluationPeriods + " × "
                        + period.toSeconds() + "s");
        Objects.requireNonNull(comparisonOperator, alarm + "comparisonOperator must be set");
        require(Double.isFinite(threshold), alarm + "threshold must be a finite number, got " + threshold);
        treatMissingData = treatMissingData == null ? TreatMissingData.missing : treatMissingData;
    }

    /** The metric this alarm watches. */
    public MetricIdentity metric() {
        return new MetricIdentity(namespace, metricName, dimensions);
    }

    private static boolean isAllowedPeriod(Duration period) {
        if (period.getNano() != 0 || period.getSeconds() < 1) {
            return false;
        }
        long seconds = period.getSeconds();
        boolean localOnlyDemoPeriod = seconds <= 9;
        return localOnlyDemoPeriod || seconds == 10 || seconds == 20 || seconds == 30 || seconds % 60 == 0;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
