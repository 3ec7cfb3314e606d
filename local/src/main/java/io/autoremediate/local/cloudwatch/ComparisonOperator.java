package io.autoremediate.local.cloudwatch;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How an alarm compares a datapoint with its threshold; the constant names are the PutMetricAlarm spellings.
 * The phrases are the words CloudWatch puts in a state reason ("was greater than the threshold").
 */
public enum ComparisonOperator {
    GreaterThanOrEqualToThreshold("greater than or equal to"),
    GreaterThanThreshold("greater than"),
    LessThanThreshold("less than"),
    LessThanOrEqualToThreshold("less than or equal to");

    private final String phrase;

    ComparisonOperator(String phrase) {
        this.phrase = phrase;
    }

    /** True when {@code value} breaches {@code threshold}. */
    public boolean breaches(double value, double threshold) {
        return switch (this) {
            case GreaterThanOrEqualToThreshold -> value >= threshold;
            case GreaterThanThreshold -> value > threshold;
            case LessThanThreshold -> value < threshold;
            case LessThanOrEqualToThreshold -> value <= threshold;
        };
    }

    /** The words of a state reason, e.g. {@code less than}. */
    public String phrase() {
        return phrase;
    }

    /** Parses the PutMetricAlarm spelling, e.g. {@code LessThanThreshold}. */
    public static ComparisonOperator fromWireName(String name) {
        return Arrays.stream(values())
                .filter(o -> o.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown comparison operator '" + name
                        + "'; use one of " + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))));
    }
}
