package io.autoremediate.functions.adapters.aws;

import io.autoremediate.functions.alarm.AlarmNotFoundException;
import io.autoremediate.functions.alarm.AlarmReading;
import io.autoremediate.functions.alarm.AlarmStateReader;
import io.autoremediate.functions.errors.DependencyRefusedException;
import io.autoremediate.functions.incident.AlarmState;
import java.time.Instant;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/** Reads an alarm's state with CloudWatch DescribeAlarms, metric and composite alarms alike. */
public final class CloudWatchAlarmStateReader implements AlarmStateReader {

    private final CloudWatchClient cloudWatch;

    public CloudWatchAlarmStateReader(CloudWatchClient cloudWatch) {
        this.cloudWatch = Objects.requireNonNull(cloudWatch, "cloudWatch");
    }

    @Override
    public AlarmReading read(String alarmName) {
        DescribeAlarmsResponse response;
        try {
            // Without AlarmTypes, DescribeAlarms returns metric alarms only and a composite alarm looks deleted.
            response = cloudWatch.describeAlarms(b -> b.alarmNames(alarmName)
                    .alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM));
        } catch (SdkException e) {
            throw AwsFailures.translate(AwsCall.of("CloudWatch", "DescribeAlarms", "alarm '" + alarmName + "'",
                    "cloudwatch:DescribeAlarms"), e);
        }
        for (MetricAlarm alarm : response.metricAlarms()) {
            if (alarmName.equals(alarm.alarmName())) {
                return reading(alarmName, alarm.stateValueAsString(), alarm.stateReason(),
                        alarm.stateUpdatedTimestamp());
            }
        }
        for (CompositeAlarm alarm : response.compositeAlarms()) {
            if (alarmName.equals(alarm.alarmName())) {
                return reading(alarmName, alarm.stateValueAsString(), alarm.stateReason(),
                        alarm.stateUpdatedTimestamp());
            }
        }
        throw new AlarmNotFoundException(alarmName);
    }

    private static AlarmReading reading(String alarmName, String stateValue, String reason, Instant updatedAt) {
        AlarmState state = AlarmState.parse(stateValue);
        if (state == null) {
            throw new DependencyRefusedException("CloudWatch DescribeAlarms answered state '" + stateValue
                    + "' for alarm '" + alarmName + "', which is not OK, ALARM or INSUFFICIENT_DATA", null);
        }
        return new AlarmReading(alarmName, state, reason, updatedAt);
    }
}
