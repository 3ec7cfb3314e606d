package io.autoremediate.local.cloudwatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the {@code reason} sentence and the {@code reasonData} JSON string of a new alarm state in the words
 * and layout CloudWatch uses, e.g. {@code Threshold Crossed: 1 out of the last 1 datapoints [0.0 (25/11/26
 * 10:15:00)] was less than the threshold (1.0) (minimum 1 datapoint for OK -> ALARM transition).}
 */
final class StateReason {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StateReason() {
    }

    static AlarmState newState(AlarmDefinition alarm, AlarmStateValue value, List<EvaluatedPeriod> evaluated,
                               Instant rangeStart, Instant now) {
        return new AlarmState(value, reason(alarm, value, evaluated), reasonData(alarm, evaluated, rangeStart, now),
                now);
    }

    static String reason(AlarmDefinition alarm, AlarmStateValue value, List<EvaluatedPeriod> evaluated) {
        int n = alarm.evaluationPeriods();
        if (value == AlarmStateValue.INSUFFICIENT_DATA) {
            return "Insufficient Data: " + count(n, "datapoint") + " " + verb(n) + " unknown.";
        }
        if (evaluated.stream().allMatch(EvaluatedPeriod::isMissing)) {
            return "Threshold Crossed: no datapoints were received for " + count(n, "period") + " and "
                    + count(n, "missing datapoint") + " " + verb(n) + " treated as ["
                    + missingTreatmentLabel(alarm) + "].";
        }
        boolean toAlarm = value == AlarmStateValue.ALARM;
        List<EvaluatedPeriod> deciding = evaluated.stream()
                .filter(p -> AlarmRule.breaches(alarm, p) == toAlarm)
                .toList();
        String shown = deciding.stream()
                .filter(p -> !p.isMissing())
                .map(p -> p.datapoint().value() + " (" + CloudWatchTime.reasonDatapoint(p.start()) + ")")
                .collect(Collectors.joining(", ", "[", "]"));
        long filled = deciding.stream().filter(EvaluatedPeriod::isMissing).count();
        String filledNote = filled == 0 ? ""
                : " (" + count(filled, "missing datapoint") + " treated as [" + missingTreatmentLabel(alarm) + "])";
        int minimum = toAlarm ? alarm.datapointsToAlarm() : n - alarm.datapointsToAlarm() + 1;
        return "Threshold Crossed: " + deciding.size() + " out of the last " + n + " datapoints " + shown
                + filledNote + " " + verb(deciding.size()) + " " + (toAlarm ? "" : "not ")
                + alarm.comparisonOperator().phrase() + " the threshold (" + alarm.threshold() + ") (minimum "
                + count(minimum, "datapoint") + " for " + (toAlarm ? "OK -> ALARM" : "ALARM -> OK")
                + " transition).";
    }

    static String reasonData(AlarmDefinition alarm, List<EvaluatedPeriod> evaluated, Instant rangeStart,
                             Instant now) {
        ObjectNode data = JSON.createObjectNode();
        data.put("version", "1.0");
        data.put("queryDate", CloudWatchTime.stateTimestamp(now));
        Instant startDate = evaluated.isEmpty() ? rangeStart : evaluated.get(0).start();
        data.put("startDate", CloudWatchTime.stateTimestamp(startDate));
        data.put("statistic", alarm.statistic().wireName());
        data.put("period", alarm.period().toSeconds());
        ArrayNode recent = data.putArray("recentDatapoints");
        evaluated.stream().filter(p -> !p.isMissing()).forEach(p -> recent.add(p.datapoint().value()));
        data.put("threshold", alarm.threshold());
        ArrayNode evaluatedDatapoints = data.putArray("evaluatedDatapoints");
        // CloudWatch lists evaluated datapoints newest first; a missing one carries only its timestamp.
        for (int i = evaluated.size() - 1; i >= 0; i--) {
            EvaluatedPeriod period = evaluated.get(i);
            ObjectNode entry = evaluatedDatapoints.addObject();
            entry.put("timestamp", CloudWatchTime.stateTimestamp(period.start()));
            if (!period.isMissing()) {
                entry.put("sampleCount", (double) period.datapoint().sampleCount());
                entry.put("value", period.datapoint().value());
            }
        }
        return data.toString();
    }

    private static String missingTreatmentLabel(AlarmDefinition alarm) {
        return alarm.treatMissingData() == TreatMissingData.breaching ? "Breaching" : "NonBreaching";
    }

    private static String count(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String verb(long count) {
        return count == 1 ? "was" : "were";
    }
}
