package io.autoremediate.functions.alarm;


/** Reads an alarm's current state: CloudWatch DescribeAlarms in AWS, the local evaluator locally. */
public interface AlarmStateReader {

    /** @throws io.autoremediate.functions.alarm.AlarmNotFoundException when no alarm has that name */
    AlarmReading read(String alarmName);
}
