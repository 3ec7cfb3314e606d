package io.autoremediate.local.cloudwatch;

import java.util.Arrays;
import java.util.DoubleSummaryStatistics;
import java.util.stream.Collectors;

/** The CloudWatch statistics an alarm can evaluate; {@link #wireName()} is the spelling the API and events use. */
public enum Statistic {
    AVERAGE("Average"),
    SUM("Sum"),
    MINIMUM("Minimum"),
    MAXIMUM("Maximum"),
    SAMPLE_COUNT("SampleCount");

    private final String wireName;

    Statistic(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Parses the API spelling, e.g. {@code Average}. */
    public static Statistic fromWireName(String name) {
        return Arrays.stream(values())
                .filter(s -> s.wireName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown statistic '" + name + "'; use one of "
                        + Arrays.stream(values()).map(Statistic::wireName).collect(Collectors.joining(", "))));
    }

    double of(DoubleSummaryStatistics samples) {
        return switch (this) {
            case AVERAGE -> samples.getAverage();
            case SUM -> samples.getSum();
            case MINIMUM -> samples.getMin();
            case MAXIMUM -> samples.getMax();
            case SAMPLE_COUNT -> samples.getCount();
        };
    }
}
