package io.autoremediate.local.cloudwatch;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What an alarm does with periods that have no datapoint; the constant names are the PutMetricAlarm values. */
public enum TreatMissingData {
    /** The default: missing periods are not counted; with no data at all the alarm goes to INSUFFICIENT_DATA. */
    missing,
    /** Missing periods count as within the threshold. */
    notBreaching,
    /** Missing periods count as breaching the threshold. */
    breaching,
    /** Missing periods keep the current state. */
    ignore;

    /** Parses the PutMetricAlarm spelling, e.g. {@code notBreaching}. */
    public static TreatMissingData fromWireName(String name) {
        return Arrays.stream(values())
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown TreatMissingData '" + name
                        + "'; use one of " + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))));
    }
}
