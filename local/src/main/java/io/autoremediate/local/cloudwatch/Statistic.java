package io.autoremediate.local.cloudwatch;

import java.util.Arrays;
import java.util.DoubleSummaryStatistics;
import java.util.stream.Collectors;

/** The CloudWatch statistics an alarm can evaluate; the constant names are the API and event spellings. */
public enum Statistic {
    Average,
    Sum,
    Minimum,
    Maximum,
    SampleCount;

    /** The API spelling, which is also the constant's name. */
    public String wireName() {
        return name();
    }

    /** Parses the API spelling, e.g. {@code Average}. */
    public static Statistic fromWireName(String name) {
        return Arrays.stream(values())
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown statistic '" + name + "'; use one of "
                        + Arrays.stream(values()).map(Statistic::wireName).collect(Collectors.joining(", "))));
    }

    double of(DoubleSummaryStatistics samples) {
        return switch (this) {
            case Average -> samples.getAverage();
            case Sum -> samples.getSum();
            case Minimum -> samples.getMin();
            case Maximum -> samples.getMax();
            case SampleCount -> samples.getCount();
        };
    }
}
