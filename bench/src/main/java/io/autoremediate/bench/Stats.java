package io.autoremediate.bench;

import java.util.Arrays;
import java.util.List;

/** Mean, spread and median of repeated measurements, as printed in the report. */
public record Stats(int count, double mean, double stddev, double min, double median, double max) {

    public static Stats of(List<Double> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples to summarise");
        }
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double mean = Arrays.stream(sorted).average().orElseThrow();
        double squares = Arrays.stream(sorted).map(x -> (x - mean) * (x - mean)).sum();
        double stddev = sorted.length > 1 ? Math.sqrt(squares / (sorted.length - 1)) : 0;
        int middle = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Stats(sorted.length, mean, stddev, sorted[0], median, sorted[sorted.length - 1]);
    }

    /** {@code mean ± stddev (min–max, n=…)} with the given number format, e.g. {@code "%,.0f"}. */
    public String meanAndSpread(String format) {
        return String.format(format, mean) + " ± " + String.format(format, stddev)
                + " (" + String.format(format, min) + "–" + String.format(format, max) + ", n=" + count + ")";
    }

    /** {@code median (min–max, n=…)}. */
    public String medianAndRange(String format) {
        return String.format(format, median) + " (" + String.format(format, min) + "–" + String.format(format, max)
                + ", n=" + count + ")";
    }
}
