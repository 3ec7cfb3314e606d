package io.autoremediate.local.cloudwatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides an alarm's state from its evaluation range, following "How alarm state is evaluated when data is
 * missing" in the CloudWatch user guide (awsdocs/amazon-cloudwatch-user-guide, AlarmThatSendsEmail.md).
 *
 * <p>With at least N (evaluation periods) real datapoints in the range, the N most recent decide and
 * treatMissingData is not consulted. With fewer, every real datapoint is kept and the most recent missing
 * periods fill the remaining places ("missing data points only as few times as possible"); then M (datapoints
 * to alarm) breaching ones mean ALARM, fewer mean OK.
 */
final class AlarmRule {

    /**
     * How many periods beyond N CloudWatch retrieves. The guide's examples retrieve 5 datapoints for a 3-period
     * alarm; the real number varies with period and resolution, so this is the local approximation.
     */
    static final int EXTRA_PERIODS_RETRIEVED = 2;

    private AlarmRule() {
    }

    static int evaluationRangePeriods(AlarmDefinition alarm) {
        return alarm.evaluationPeriods() + EXTRA_PERIODS_RETRIEVED;
    }

    /**
     * @param alarm the alarm
     * @param range every period of the evaluation range, oldest first, missing ones with a null datapoint
     */
    static AlarmVerdict decide(AlarmDefinition alarm, List<EvaluatedPeriod> range) {
        int n = alarm.evaluationPeriods();
        int m = alarm.datapointsToAlarm();
        List<EvaluatedPeriod> real = range.stream().filter(p -> !p.isMissing()).toList();

        if (real.size() >= n) {
            List<EvaluatedPeriod> evaluated = real.subList(real.size() - n, real.size());
            return new AlarmVerdict(stateFor(breachingCount(alarm, evaluated), m), evaluated);
        }

        List<EvaluatedPeriod> evaluated = withMostRecentMissingPeriods(range, real, n - real.size());
        long realBreaching = breachingCount(alarm, real);
        return switch (alarm.treatMissingData()) {
            case breaching -> new AlarmVerdict(stateFor(realBreaching + (n - real.size()), m), evaluated);
            case notBreaching -> new AlarmVerdict(stateFor(realBreaching, m), evaluated);
            case missing, ignore -> decideWithoutFilling(alarm, real, realBreaching, evaluated);
        };
    }

    /**
     * {@code missing} and {@code ignore} do not turn gaps into datapoints: enough breaching datapoints still
     * alarm and any datapoint within the threshold still means OK. What is left (no data, or only too few
     * breaching datapoints) is where they differ: ignore keeps the current state; missing reports
     * INSUFFICIENT_DATA, except that it stays in ALARM when the oldest evaluated datapoint is breaching and is
     * followed only by gaps (the guide's table, first example, sixth row: "X - - - -").
     */
    private static AlarmVerdict decideWithoutFilling(AlarmDefinition alarm, List<EvaluatedPeriod> real,
                                                     long realBreaching, List<EvaluatedPeriod> evaluated) {
        if (!real.isEmpty() && realBreaching >= alarm.datapointsToAlarm()) {
            return new AlarmVerdict(AlarmStateValue.ALARM, evaluated);
        }
        if (realBreaching < real.size()) {
            return new AlarmVerdict(AlarmStateValue.OK, evaluated);
        }
        if (alarm.treatMissingData() == TreatMissingData.ignore) {
            return AlarmVerdict.keepCurrentState(evaluated);
        }
        boolean oldestEvaluatedIsBreaching = !evaluated.get(0).isMissing();
        return new AlarmVerdict(
                oldestEvaluatedIsBreaching ? AlarmStateValue.ALARM : AlarmStateValue.INSUFFICIENT_DATA, evaluated);
    }

    private static List<EvaluatedPeriod> withMostRecentMissingPeriods(List<EvaluatedPeriod> range,
                                                                      List<EvaluatedPeriod> real, int count) {
        List<EvaluatedPeriod> missing = range.stream().filter(EvaluatedPeriod::isMissing).toList();
        List<EvaluatedPeriod> evaluated = new ArrayList<>(real);
        evaluated.addAll(missing.subList(Math.max(0, missing.size() - count), missing.size()));
        evaluated.sort(Comparator.comparing(EvaluatedPeriod::start));
        return evaluated;
    }

    static boolean breaches(AlarmDefinition alarm, EvaluatedPeriod period) {
        if (period.isMissing()) {
            return alarm.treatMissingData() == TreatMissingData.breaching;
        }
        return alarm.comparisonOperator().breaches(period.datapoint().value(), alarm.threshold());
    }

    private static long breachingCount(AlarmDefinition alarm, List<EvaluatedPeriod> realPeriods) {
        return realPeriods.stream().filter(p -> breaches(alarm, p)).count();
    }

    private static AlarmStateValue stateFor(long breaching, int datapointsToAlarm) {
        return breaching >= datapointsToAlarm ? AlarmStateValue.ALARM : AlarmStateValue.OK;
    }
}
