package io.autoremediate.local.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mirrors the two tables of "How alarm state is evaluated when data is missing" in the CloudWatch user guide
 * (section "Configuring how CloudWatch alarms treat missing data"; source: awsdocs/amazon-cloudwatch-user-guide,
 * doc_source/AlarmThatSendsEmail.md). Datapoints are written oldest first: 0 is within the threshold, X breaches,
 * - is missing; the alarm retrieves the 5 most recent periods. "Retain current state" is checked from both ALARM
 * and OK.
 */
class MissingDataTableTest {

    private static final String RETAIN = "retain";
    private static final Duration PERIOD = Duration.ofMinutes(5);
    private static final Instant RANGE_START = Instant.parse("2026-11-25T10:00:00Z");
    private static final Map<String, String> DIMENSIONS = Map.of("InstanceId", "i-0123456789abcdef0");

    /** Columns: datapoints, datapointsToAlarm (evaluation periods is 3), missing, ignore, breaching, notBreaching. */
    private static final String[][] GUIDE_TABLES = {
            // First table: 3 out of 3.
            {"0 - X - X", "3", "OK", "OK", "OK", "OK"},
            {"0 - - - -", "3", "OK", "OK", "OK", "OK"},
            {"- - - - -", "3", "INSUFFICIENT_DATA", RETAIN, "ALARM", "OK"},
            {"0 X X - X", "3", "ALARM", "ALARM", "ALARM", "ALARM"},
            {"- - - - X", "3", "INSUFFICIENT_DATA", RETAIN, "ALARM", "OK"},
            {"X - - - -", "3", "ALARM", RETAIN, "ALARM", "OK"},
            // Second table: 2 out of 3.
            {"0 - X - X", "2", "ALARM", "ALARM", "ALARM", "ALARM"},
            {"0 0 X 0 X", "2", "ALARM", "ALARM", "ALARM", "ALARM"},
            {"0 - X - -", "2", "OK", "OK", "ALARM", "OK"},
            {"- - - - 0", "2", "OK", "OK", "ALARM", "OK"},
            {"- - - - X", "2", "INSUFFICIENT_DATA", RETAIN, "ALARM", "OK"},
    };

    static Stream<Arguments> guideTableCells() {
        TreatMissingData[] columns = {
                TreatMissingData.missing, TreatMissingData.ignore, TreatMissingData.breaching,
                TreatMissingData.notBreaching};
        List<Arguments> cells = new ArrayList<>();
        for (String[] row : GUIDE_TABLES) {
            for (int column = 0; column < columns.length; column++) {
                for (AlarmStateValue startState : List.of(AlarmStateValue.ALARM, AlarmStateValue.OK)) {
                    String expected = row[2 + column];
                    AlarmStateValue expectedState = RETAIN.equals(expected)
                            ? startState : AlarmStateValue.valueOf(expected);
                    cells.add(Arguments.of(row[0], Integer.parseInt(row[1]), columns[column], startState,
                            expectedState));
                }
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "[{0}] {1} of 3, {2}, from {3} -> {4}")
    @MethodSource("guideTableCells")
    void alarmStateMatchesTheUserGuideTable(String datapoints, int datapointsToAlarm, TreatMissingData treatment,
                                            AlarmStateValue startState, AlarmStateValue expected) {
        LocalMetricStore store = new LocalMetricStore();
        LocalAlarmEvaluator evaluator = new LocalAlarmEvaluator(store, "123456789012", "us-east-1");
        evaluator.putAlarm(alarm(datapointsToAlarm, treatment));
        driveTo(startState, store, evaluator);

        String[] periods = datapoints.split(" ");
        for (int i = 0; i < periods.length; i++) {
            Instant sampleTime = RANGE_START.plus(PERIOD.multipliedBy(i)).plusSeconds(30);
            switch (periods[i]) {
                case "0" -> store.putMetricData("AWS/EC2", "CPUUtilization", DIMENSIONS, 10.0, sampleTime);
                case "X" -> store.putMetricData("AWS/EC2", "CPUUtilization", DIMENSIONS, 99.0, sampleTime);
                default -> { /* missing */ }
            }
        }
        evaluator.evaluate(RANGE_START.plus(PERIOD.multipliedBy(periods.length)));

        assertThat(evaluator.stateOf("ServerCpuTooHigh")).isEqualTo(expected);
    }

    /** Puts the alarm in {@code state} with data an hour before the table's range, so none of it is evaluated. */
    private static void driveTo(AlarmStateValue state, LocalMetricStore store, LocalAlarmEvaluator evaluator) {
        Instant start = RANGE_START.minus(Duration.ofHours(1));
        double value = state == AlarmStateValue.ALARM ? 99.0 : 10.0;
        for (int i = 0; i < 3; i++) {
            store.putMetricData("AWS/EC2", "CPUUtilization", DIMENSIONS, value, start.plus(PERIOD.multipliedBy(i)));
        }
        evaluator.evaluate(start.plus(PERIOD.multipliedBy(3)));
        assertThat(evaluator.stateOf("ServerCpuTooHigh")).as("state before the table's range").isEqualTo(state);
    }

    private static AlarmDefinition alarm(int datapointsToAlarm, TreatMissingData treatment) {
        return new AlarmDefinition("ServerCpuTooHigh", "CPU above 50%", "CPUUtilization", "AWS/EC2", DIMENSIONS,
                Statistic.Average, PERIOD, 3, datapointsToAlarm, ComparisonOperator.GreaterThanThreshold, 50.0,
                treatment);
    }
}
