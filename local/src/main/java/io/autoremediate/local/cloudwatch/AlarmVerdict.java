package io.autoremediate.local.cloudwatch;

import java.util.List;

/**
 * The outcome of evaluating an alarm once: the state it should be in ({@code null} when treatMissingData
 * {@code ignore} keeps the current one) and the datapoints that decided it, oldest first. Missing entries in
 * {@code evaluated} are periods filled in by the alarm's treatMissingData.
 */
record AlarmVerdict(AlarmStateValue state, List<EvaluatedPeriod> evaluated) {

    AlarmVerdict {
        evaluated = List.copyOf(evaluated);
    }

    static AlarmVerdict keepCurrentState(List<EvaluatedPeriod> evaluated) {
        return new AlarmVerdict(null, evaluated);
    }

    boolean keepsCurrentState() {
        return state == null;
    }
}
